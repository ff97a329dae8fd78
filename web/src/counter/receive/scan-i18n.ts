// Texts of scanning at the counter (issue 12 §2): the CCCD QR by camera, the scans of each paper,
// and reuse from the applicant's document store.
import { defineBundle } from '../../i18n/bundle';
import vi from './scan-i18n.vi.json';
import en from './scan-i18n.en.json';

export const useScanT = defineBundle('counterScan', vi, en);
