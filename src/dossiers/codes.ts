// Dossier codes (DOMAIN §2.1): `<agency identifier>-<YYMMDD>-<serial>`. Pure. The format is
// data versioned by effective date and chosen by the configured KIND OF SYSTEM (a provincial
// one-stop system, or a nationally centralised one with its "AA" prefix) — never by the shape of
// an identifier; a dossier keeps the code it was given.
import { vnDateOfInstant, type EpochMs } from '../calendar';

export type DossierCode = string & { readonly __brand: 'DossierCode' };

/** Which kind of one-stop system issues the codes (configuration: `MOTCUA_CODE_SYSTEM`). */
export type CodeSystemKind = 'provincial' | 'central';
export type CodeSystem = { readonly kind: 'provincial' } | { readonly kind: 'central'; readonly prefix: string };
/** motcua is a province's one-stop system (DOMAIN §2.1): the documented default. */
export const DEFAULT_CODE_SYSTEM: CodeSystem = { kind: 'provincial' };

export interface CodeFormat {
  readonly id: string;
  /** first civil day (UTC+7) the format applies to */
  readonly from: string;
  /** as the legal text writes it */
  readonly pattern: string;
  readonly legalSource: string;
  /** the kind of system this format is for */
  readonly system: CodeSystemKind;
  /** digits in front of the daily serial that name the central system (TT 04/2025 "AA"); 0 if none */
  readonly systemPrefixDigits: number;
}

export const codeFormats = [
  {
    id: 'tt01-2018',
    from: '2019-01-06',
    pattern: 'V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX',
    legalSource: 'TT 01/2018/TT-VPCP art. 19',
    system: 'provincial',
    systemPrefixDigits: 0,
  },
  {
    id: 'tt04-2025-central',
    from: '2026-01-25',
    pattern: 'MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX',
    legalSource: 'TT 03/2025/TT-VPCP art. 13.3, added by TT 04/2025/TT-VPCP',
    system: 'central',
    systemPrefixDigits: 2,
  },
] as const satisfies readonly CodeFormat[];

export type CodeFormatId = (typeof codeFormats)[number]['id'];

/** The tolerant parse of DOMAIN §2.1: the agency part stays an opaque key. */
const CODE_RE = /^(?<agency>[0-9A-Z.]+)-(?<date>\d{6})-(?<seq>\d{4,})$/;

export interface ParsedCode {
  readonly agency: string;
  /** 'YYYY-MM-DD' (20YY) */
  readonly date: string;
  readonly serial: number;
  readonly serialText: string;
}

export function parseDossierCode(text: string): ParsedCode | null {
  const m = CODE_RE.exec(text);
  const g = m?.groups;
  if (!g || g.agency === undefined || g.date === undefined || g.seq === undefined) return null;
  const yy = g.date.slice(0, 2);
  const mm = Number(g.date.slice(2, 4));
  const dd = Number(g.date.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  if (g.agency.startsWith('.') || g.agency.endsWith('.') || g.agency.includes('..')) return null;
  return { agency: g.agency, date: `20${yy}-${g.date.slice(2, 4)}-${g.date.slice(4, 6)}`, serial: Number(g.seq), serialText: g.seq };
}

/** The format in force on `day` for a kind of system (the latest that started), or null. */
export function codeFormatFor(system: CodeSystemKind, day: string): CodeFormat | null {
  let found: CodeFormat | null = null;
  for (const f of codeFormats as readonly CodeFormat[]) {
    if (f.from <= day && f.system === system) found = f;
  }
  return found;
}

export interface CodeInput {
  readonly agencyIdentifier: string;
  /** receipt instant; the date part is taken in UTC+7 */
  readonly receivedAt: EpochMs;
  /** the day's serial, from 1 */
  readonly serial: number;
  /** the configured kind of system; default DEFAULT_CODE_SYSTEM (provincial) */
  readonly system?: CodeSystem;
}

/** YYMMDD of an instant in Vietnam time. */
export function yymmddOf(at: EpochMs): string {
  const iso = vnDateOfInstant(at);
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

/** Builds a code; throws RangeError when no format covers the system on that day (a configuration error). */
export function formatDossierCode(input: CodeInput): { code: DossierCode; format: CodeFormatId } {
  if (!Number.isInteger(input.serial) || input.serial < 1) throw new RangeError(`invalid serial ${input.serial}`);
  const day = vnDateOfInstant(input.receivedAt);
  const system = input.system ?? DEFAULT_CODE_SYSTEM;
  const format = codeFormatFor(system.kind, day);
  if (!format) throw new RangeError(`no dossier code format for a ${system.kind} system on ${day}`);
  let prefix = '';
  if (format.systemPrefixDigits > 0) {
    prefix = system.kind === 'central' ? system.prefix : '';
    if (!new RegExp(`^\\d{${format.systemPrefixDigits}}$`).test(prefix)) {
      throw new RangeError(`format ${format.id} needs a ${format.systemPrefixDigits}-digit system prefix`);
    }
  }
  // at least 4 digits, longer past 9999 (TT 04/2025: "tối thiểu 4 chữ số")
  const serial = String(input.serial).padStart(4, '0');
  return { code: `${input.agencyIdentifier}-${yymmddOf(input.receivedAt)}-${prefix}${serial}` as DossierCode, format: format.id as CodeFormatId };
}
