// The bundle return's requests (src/bundles/routes.ts; types from the server's schemas).
import { api, request } from '../../api/client';
import type { BundlesToReturnView, ReturnChoiceView } from '../../../../src/bundles/schemas';

export type BundlesToReturn = BundlesToReturnView;
export type ReturnChoice = ReturnChoiceView;
export type BundleToReturn = BundlesToReturn['items'][number];

export const fetchBundlesToReturn = (signal?: AbortSignal) => api.get<BundlesToReturn>('/api/v1/bundles/to-return', signal);

/** Returns every returnable member of the bundle at the counter, signed by the recipient now. */
export const returnBundle = (code: string, recipientName: string) =>
  api.post<{ code: string; returned: { code: string; status: string }[] }>(`/api/v1/bundles/${encodeURIComponent(code)}/return`, {
    signature: { name: recipientName.trim(), signedAt: new Date().toISOString() },
  });

export const changeReturnChoice = (code: string, choice: { timing: ReturnChoice['timing']; place: ReturnChoice['place']; address?: string }) =>
  request<ReturnChoice>('PUT', `/api/v1/bundles/${encodeURIComponent(code)}/return-choice`, { body: choice });
