// What the transfer-postage statement reads (src/postal/transfer-routes.ts; the shape in src/postal/README.md).
import { api } from '../../api/client';
import type { TransferStatementResponse } from '../../../../src/postal/transfer-routes';

export type TransferStatement = TransferStatementResponse;
export type AgencyStatement = TransferStatement['agencies'][number];
export type StatementLine = AgencyStatement['legs'][number];

export const fetchTransferStatement = (month: string, signal?: AbortSignal) =>
  api.get<TransferStatement>(`/api/v1/postal/transfer-postage?month=${encodeURIComponent(month)}`, signal);
