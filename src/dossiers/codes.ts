// Dossier codes (DOMAIN §2.1): `<agency identifier>-<YYMMDD>-<serial>`. Pure. The format is
// data versioned by effective date; a dossier keeps the code it was given.
import { vnDateOfInstant, type EpochMs } from '../calendar';

export type DossierCode = string & { readonly __brand: 'DossierCode' };

export interface CodeFormat {
  readonly id: string;
  /** first civil day (UTC+7) the format applies to */
  readonly from: string;
  /** as the legal text writes it */
  readonly pattern: string;
  readonly legalSource: string;
  /** the agency identifiers this format is for */
  readonly agencyPattern: RegExp;
  /** digits in front of the daily serial that name the central system (TT 04/2025 "AA"); 0 if none */
  readonly systemPrefixDigits: number;
}

export const codeFormats = [
  {
    id: 'tt01-2018',
    from: '2019-01-06',
    pattern: 'V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX',
    legalSource: 'TT 01/2018/TT-VPCP art. 19',
    // old-style identifier, level 4 first: 000.00.30.H20
    agencyPattern: /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/,
    systemPrefixDigits: 0,
  },
  {
    id: 'tt04-2025-central',
    from: '2026-01-25',
    pattern: 'MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX',
    legalSource: 'TT 03/2025/TT-VPCP art. 13.3, added by TT 04/2025/TT-VPCP',
    // new-style identifier, level 1 first: G09.20, H55.242, H55.242.01
    agencyPattern: /^[A-Z]\d{2}(\.\d{2,3}){0,2}$/,
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

/** The format in force on `day` for an agency identifier (the latest that matches), or null. */
export function codeFormatFor(agencyIdentifier: string, day: string): CodeFormat | null {
  let found: CodeFormat | null = null;
  for (const f of codeFormats as readonly CodeFormat[]) {
    if (f.from <= day && f.agencyPattern.test(agencyIdentifier)) found = f;
  }
  return found;
}

export interface CodeInput {
  readonly agencyIdentifier: string;
  /** receipt instant; the date part is taken in UTC+7 */
  readonly receivedAt: EpochMs;
  /** the day's serial, from 1 */
  readonly serial: number;
  /** "AA" of TT 04/2025 for nationally centralised systems */
  readonly systemPrefix?: string;
}

/** YYMMDD of an instant in Vietnam time. */
export function yymmddOf(at: EpochMs): string {
  const iso = vnDateOfInstant(at);
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

/** Builds a code; throws RangeError on an identifier no format covers (a configuration error). */
export function formatDossierCode(input: CodeInput): { code: DossierCode; format: CodeFormatId } {
  if (!Number.isInteger(input.serial) || input.serial < 1) throw new RangeError(`invalid serial ${input.serial}`);
  const day = vnDateOfInstant(input.receivedAt);
  const format = codeFormatFor(input.agencyIdentifier, day);
  if (!format) throw new RangeError(`no dossier code format for agency ${input.agencyIdentifier} on ${day}`);
  let prefix = '';
  if (format.systemPrefixDigits > 0) {
    prefix = input.systemPrefix ?? '';
    if (!new RegExp(`^\\d{${format.systemPrefixDigits}}$`).test(prefix)) {
      throw new RangeError(`format ${format.id} needs a ${format.systemPrefixDigits}-digit system prefix`);
    }
  }
  // at least 4 digits, longer past 9999 (TT 04/2025: "tối thiểu 4 chữ số")
  const serial = String(input.serial).padStart(4, '0');
  return { code: `${input.agencyIdentifier}-${yymmddOf(input.receivedAt)}-${prefix}${serial}` as DossierCode, format: format.id as CodeFormatId };
}
