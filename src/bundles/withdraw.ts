// The applicant withdraws a whole bundle at the counter (issue 17; ND 118 art. 21, sync 7): one
// action of the clerk of the one-stop that received it. Every member still open — waiting, received
// or at its agency — is withdrawn, each with its own `withdraw` event carrying the bundle's code,
// in ONE transaction with the audit row `bundle.withdraw`. Members with a result (ready or
// returned) or already ended keep it: a withdrawal stops only what is not yet decided.
import type { DossierContext } from '../dossiers/events';
import { withdrawTogether } from '../dossiers/service';
import type { ActionResult } from '../dossiers/model';
import { invalidTransition, validationFailed } from '../platform/errors';
import { counterClerk, loadBundle, withPermission } from './clerk';
import type { DossierStatus } from './model';

/** The statuses a withdrawal ends (lifecycle `withdraw.from`). */
const WITHDRAWABLE: readonly DossierStatus[] = ['submitted', 'received', 'processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment'];

/** The member codes a withdrawal of the whole bundle ends: those still open. Pure. */
export const membersToWithdraw = (members: readonly { code: string; status: DossierStatus }[]): string[] =>
  members.filter((m) => WITHDRAWABLE.includes(m.status)).map((m) => m.code);

export interface BundleWithdrawInput {
  /** why the applicant withdraws (recorded on each member's event) */
  readonly reason: string;
  readonly note?: string;
}

export async function withdrawBundle(ctx: DossierContext, code: string, input: BundleWithdrawInput): Promise<{ code: string; withdrawn: ActionResult[] }> {
  withPermission(ctx, 'dossiers.withdraw');
  const reason = input.reason.trim();
  if (reason === '') throw validationFailed('BUNDLE_WITHDRAW_INVALID', 'Cần ghi rõ lý do người nộp rút hồ sơ.', [{ path: 'reason', message: 'Cần ghi rõ lý do.' }]);
  const b = await loadBundle(ctx.db, code);
  const { actor, summaries } = await counterClerk(ctx, 'dossiers.withdraw', b);
  const codes = membersToWithdraw(summaries.map((s) => ({ code: s.code, status: s.status })));
  if (codes.length === 0) throw invalidTransition('BUNDLE_NOTHING_TO_WITHDRAW', `Hồ sơ liên thông ${code} không còn hồ sơ thành phần nào đang giải quyết để rút.`);
  const withdrawn = await withdrawTogether(ctx, codes, { reason, ...(input.note?.trim() ? { note: input.note.trim() } : {}) }, { bundle: code }, async (trx) => {
    await trx.insertInto('audit_log').values({
      province_code: b.parent.province_code, actor_id: actor.userId, actor_name: actor.fullName, action: 'bundle.withdraw', entity: 'bundle', entity_key: code, payload: JSON.stringify({ members: codes, reason }),
    }).execute();
  });
  return { code, withdrawn };
}
