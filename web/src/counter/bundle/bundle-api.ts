// What the counter's bundle intake reads and writes (src/bundles/routes.ts): the bundles in force
// with their combined e-form, the receipt (with the form's Idempotency-Key: a double click or a
// retry after a lost answer makes one bundle), and the parent read back with its members.
import { api, request } from '../../api/client';
import type { BundleDefinitionsView, BundleReceivedView } from '../../../../src/bundles/schemas';
import type { IntakeRequest } from '../../../../src/dossiers/routes';
import type { BundleView } from '../../processing/api';
import type { IntakeBody } from '../api';

export type BundleDefinition = BundleDefinitionsView['items'][number];
export type BundleReceived = BundleReceivedView;
export type { BundleView };

export interface BundleBody {
  readonly bundleCode: string;
  readonly applicant: IntakeRequest['applicant'];
  /** the combined e-form: each field once */
  readonly formData: Record<string, unknown>;
  /** each member's papers, by member key */
  readonly papers: Readonly<Record<string, IntakeBody['papers']>>;
  /** the applicant's situation of each member whose list is by situation (1.004222), checked by the server as at the counter */
  readonly situations?: Readonly<Record<string, string>>;
  /** the applicant consents to keep their digitized papers in their document store (as the single intake's) */
  readonly storeConsent?: boolean;
  /** how the results go back: together or as they come, at the counter or by post to `address` */
  readonly returnChoice?: { readonly timing: 'together' | 'asReady'; readonly place: 'counter' | 'post'; readonly address?: string };
}

const enc = encodeURIComponent;

export const fetchBundleDefinitions = (signal?: AbortSignal) =>
  api.get<BundleDefinitionsView>('/api/v1/bundle-definitions', signal).then((r) => r.items);

export const receiveBundle = (body: BundleBody, idempotencyKey: string) =>
  request<BundleReceived>('POST', '/api/v1/bundles', { body, headers: { 'Idempotency-Key': idempotencyKey } });

export const fetchBundle = (code: string, signal?: AbortSignal) => api.get<BundleView>(`/api/v1/bundles/${enc(code)}`, signal);
