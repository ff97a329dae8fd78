// The citizen's online supplement (issue 15 §2; ND 61 art. 15.3, 19.4): what the one-stop or the
// agency asked for once (form 02) on the citizen's own online dossier, and its sending — the files
// uploaded for every item (POST /api/v1/files) — through the dossiers' `sendOnlineSupplement`.
import { can } from '../accounts/policy';
import type { DossierContext } from '../dossiers/events';
import type { ActionResult } from '../dossiers/model';
import { getDossier, sendOnlineSupplement, type SupplementPaper } from '../dossiers/service';
import { forbidden, unauthenticated } from '../platform/errors';
import type { ServiceContext } from '../platform/context';

export interface SupplementRequest {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly status: string;
  readonly version: number;
  /** the latest supplement request's items, reason and by when (null: none was ever asked) */
  readonly request: { readonly items: string[]; readonly reason: string | null; readonly dueBy: string | null; readonly requestedAt: string } | null;
  /** the supplement may be sent online now: an online dossier awaiting it */
  readonly canSend: boolean;
  /** when the supplement was sent (null: not yet) */
  readonly sentAt: string | null;
}

function citizenOf(ctx: ServiceContext) {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(ctx.actor, 'portal.self')) throw forbidden('FORBIDDEN', 'Chỉ người nộp hồ sơ gửi bổ sung trực tuyến.');
  return ctx.actor;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** What the citizen's own dossier was asked to add, and whether it can be sent online now (404 outside their dossiers). */
export async function supplementRequestOf(ctx: ServiceContext, code: string): Promise<SupplementRequest> {
  citizenOf(ctx);
  const d = await getDossier(ctx, code);
  const asked = d.timeline.filter((e) => e.action === 'requestSupplement').at(-1);
  const sent = d.timeline.filter((e) => e.action === 'supplementReceived').at(-1);
  const items = Array.isArray(asked?.payload.items) ? asked.payload.items.filter((i): i is string => typeof i === 'string') : [];
  return {
    code: d.code, procedure: d.procedure, status: d.status, version: d.version,
    request: asked ? { items, reason: text(asked.payload.reason), dueBy: text(asked.payload.supplementDueAt), requestedAt: asked.at } : null,
    canSend: d.channel === 'online' && d.status === 'awaitingSupplement',
    sentAt: sent && asked && sent.seq > asked.seq ? sent.at : null,
  };
}

/** Sends the supplement: a file for every item asked (400 naming what is missing), once (409 when nothing awaits). */
export async function sendSupplement(ctx: DossierContext, code: string, input: { papers: readonly SupplementPaper[]; note?: string; expectedVersion?: number }): Promise<ActionResult> {
  citizenOf(ctx);
  return sendOnlineSupplement(ctx, code, input);
}
