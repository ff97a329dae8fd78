/**
 * Cases ("trường hợp") of a procedure, each with its own processing time, and the choice of one
 * at intake. A same-day case ("trong ngày") is a 0 duration with its cut-off (calendar:
 * `sameDayDueAt`). Pure.
 */
/** the catalogue's duration units (model.ts re-uses this type) */
export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface ProcedureCase {
  readonly key: string;
  /** Vietnamese, as the clerk reads it */
  readonly name: string;
  readonly durationValue: number;
  readonly durationUnit: DurationUnit;
  /** 'HH:MM'; null: none (a 0-day case still uses 15:00, see the calendar) */
  readonly cutoff: string | null;
}

export interface DurationRule {
  readonly caseKey: string | null;
  readonly caseName: string | null;
  readonly durationValue: number;
  readonly durationUnit: DurationUnit;
  readonly cutoff: string | null;
}

export type CaseChoice = { readonly ok: true; readonly rule: DurationRule } | { readonly ok: false; readonly message: string };

/**
 * The processing time a dossier is received under: the chosen case; without a choice, the
 * procedure's own (published main) duration. An unknown case key is refused.
 */
export function chooseCase(
  procedure: { durationValue: number; durationUnit: DurationUnit; cutoff: string | null; cases: readonly ProcedureCase[] },
  caseKey: string | null | undefined,
): CaseChoice {
  if (caseKey === undefined || caseKey === null || caseKey === '') {
    return { ok: true, rule: { caseKey: null, caseName: null, durationValue: procedure.durationValue, durationUnit: procedure.durationUnit, cutoff: procedure.cutoff } };
  }
  const found = procedure.cases.find((c) => c.key === caseKey);
  if (!found) {
    const known = procedure.cases.map((c) => c.key).join(', ');
    return { ok: false, message: known ? `Trường hợp "${caseKey}" không có trong thủ tục; chọn một trong: ${known}.` : `Thủ tục không chia trường hợp; bỏ trường "caseKey".` };
  }
  return { ok: true, rule: { caseKey: found.key, caseName: found.name, durationValue: found.durationValue, durationUnit: found.durationUnit, cutoff: found.cutoff } };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const UNITS: readonly DurationUnit[] = ['working_days', 'working_hours', 'calendar_days'];

/** Reads one case of an import row; a string is the problem. */
export function readCase(o: Record<string, unknown>): ProcedureCase | string {
  const key = typeof o.key === 'string' ? o.key.trim() : '';
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  if (!key || !name) return 'thiếu "key" hoặc "name"';
  const value = o.durationValue;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 365) return '"durationValue" phải là số từ 0 đến 365';
  if (!(UNITS as readonly unknown[]).includes(o.durationUnit)) return `"durationUnit" phải là một trong: ${UNITS.join(', ')}`;
  const cutoff = o.cutoff ?? null;
  if (cutoff !== null && (typeof cutoff !== 'string' || !HHMM.test(cutoff))) return '"cutoff" phải có dạng HH:MM hoặc null';
  return { key, name, durationValue: value, durationUnit: o.durationUnit as DurationUnit, cutoff: cutoff as string | null };
}

/** "Trong ngày" / "ngay trong ngày": a same-day published time. */
export function isSameDayText(text: string | null | undefined): boolean {
  return /(^|\s)(ngay )?trong ng[aà]y/i.test((text ?? '').normalize('NFC'));
}
