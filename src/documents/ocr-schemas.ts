// The answers of the OCR routes, as schemas; their types (Static) are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals } from '../platform/http/schemas';

const PaperView = Type.Object({
  dossierCode: Type.String(),
  paperName: Type.String(),
  applicantName: Type.String(),
});

export const ScanTextHitView = Type.Object({
  fileId: Type.Integer(),
  pageNumber: Type.Integer(),
  snippet: Type.String(),
  papers: Type.Array(PaperView),
});

export const OcrFailureView = Type.Object({
  fileId: Type.Integer(),
  status: literals(['pending', 'failed'] as const),
  attempts: Type.Integer(),
  reason: Type.String(),
  queuedAt: Type.String(),
  failedAt: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  papers: Type.Array(PaperView),
});

export type ScanTextHit = Static<typeof ScanTextHitView>;
export type OcrFailure = Static<typeof OcrFailureView>;
