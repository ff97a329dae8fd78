// Texts of the papers of a dossier on the dossier page (DossierPapers.tsx).
import { defineBundle } from '../i18n/bundle';

const vi = {
  paperScan: 'Bản scan',
  paperScanOpen: 'Tải bản scan',
  paperScanOpenLabel: 'Tải bản scan: {{name}}',
  paperScanNone: 'Không có',
};

// English: exactly the same keys (checked by defineBundle)
const en = {
  paperScan: 'Scan',
  paperScanOpen: 'Download the scan',
  paperScanOpenLabel: 'Download the scan: {{name}}',
  paperScanNone: 'None',
};

export const usePapersT = defineBundle('dossierPapers', vi, en);
