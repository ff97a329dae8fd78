// What every payload builder shares: its arguments, the reason and note every event may carry,
// and the input errors (400 ACTION_INPUT_INVALID with the field's path).
import { validationFailed } from '../../platform/errors';
import type { DossierContext, DossierRow } from '../events';
import type { ActionInput } from '../model';

/** The event payload of one action. */
export type Payload = Record<string, unknown>;

export interface PayloadArgs {
  readonly ctx: DossierContext;
  /** the dossier as read before the action (scope and rules already checked) */
  readonly row: DossierRow;
  readonly input: ActionInput;
  readonly now: Date;
}

/** Builds an action's event payload from its input, enforcing the rules that need time and input. */
export type PayloadBuilder = (args: PayloadArgs) => Payload | Promise<Payload>;

export const inputError = (path: string, message: string) => validationFailed('ACTION_INPUT_INVALID', message, [{ path, message }]);

/** A parsed ISO 8601 instant (date and time), or a 400 naming the field. */
export function parseInstant(text: string | undefined, path: string, what: string): Date {
  const d = text === undefined ? null : new Date(text);
  if (!d || Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text ?? '')) throw inputError(path, `Cần ${what} (thời điểm ISO 8601).`);
  return d;
}

/** The reason and the note, trimmed (absent when empty). */
export const noted = ({ input }: Pick<PayloadArgs, 'input'>): Payload =>
  ({ reason: input.reason?.trim() || undefined, note: input.note?.trim() || undefined });

/** As `noted`, for the actions that must say why (refuse, reject, stop, supplement, apology, re-computation). */
export function reasoned(args: Pick<PayloadArgs, 'input'>): Payload {
  const base = noted(args);
  if (!base.reason) throw inputError('reason', 'Cần ghi rõ lý do.');
  return base;
}

/** markResultReady: the note and the result's number, if given (a bundle feeds it to the member that waits for it). */
export function resultReadyPayload(args: Pick<PayloadArgs, 'input'>): Payload {
  const resultNumber = args.input.resultNumber?.trim();
  if (args.input.resultNumber !== undefined && (!resultNumber || resultNumber.length > 64)) throw inputError('resultNumber', 'Số kết quả gồm 1–64 ký tự.');
  return { ...noted(args), ...(resultNumber ? { resultNumber } : {}) };
}
