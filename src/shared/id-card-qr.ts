// The QR code on a chip citizen ID card (CCCD), DOMAIN §8: fields separated by "|":
// personal ID | old 9-digit ID (may be empty or missing) | full name | birth date ddMMyyyy |
// sex | permanent address | issue date ddMMyyyy. Pure; staff fill the forms from it
// ("công dân không viết"). In the shared module: the counter's scanner reads it in the browser
// (web/src/counter/receive/useReceiveForm.ts); the server does not parse the QR itself.

export interface IdCardData {
  /** 12 digits */
  readonly personalId: string;
  readonly oldId: string | null;
  /** NFC, in title case when the card has it in capitals */
  readonly name: string;
  /** yyyy-MM-dd */
  readonly birthDate: string | null;
  readonly sex: string | null;
  /** the permanent address at issue time (may use pre-2025 unit names; not the current address) */
  readonly address: string | null;
  /** yyyy-MM-dd */
  readonly issuedOn: string | null;
}

export type IdCardParse =
  | { readonly ok: true; readonly data: IdCardData }
  | { readonly ok: false; readonly problem: 'empty' | 'fieldCount' | 'personalId' | 'name' };

/** ddMMyyyy → yyyy-MM-dd, checking that the day exists; null otherwise. */
export function civilDateOf(ddMMyyyy: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ddMMyyyy.trim());
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const day = Number(dd), month = Number(mm), year = Number(yyyy);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** "NGUYỄN VĂN AN" → "Nguyễn Văn An"; mixed case is kept as written. */
export function nameCase(name: string): string {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean !== clean.toLocaleUpperCase('vi')) return clean;
  return clean.toLocaleLowerCase('vi').split(' ')
    .map((w) => (w ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w)).join(' ');
}

/** Whatever the scanner gives (even not text) yields a typed answer; it never throws. */
export function parseIdCardQr(payload: unknown): IdCardParse {
  if (typeof payload !== 'string') return { ok: false, problem: 'empty' };
  const text = payload.normalize('NFC').replace(/[\r\n]+/g, '').trim();
  if (!text) return { ok: false, problem: 'empty' };
  const fields = text.split('|').map((f) => f.trim());
  // Some scanners drop the empty old-ID field and give 6 fields; newer cards may append more.
  let parts: { id: string; oldId: string; name: string; birth: string; sex: string; address: string; issued: string };
  if (fields.length === 6) {
    const [id = '', name = '', birth = '', sex = '', address = '', issued = ''] = fields;
    parts = { id, oldId: '', name, birth, sex, address, issued };
  } else if (fields.length >= 7) {
    const [id = '', oldId = '', name = '', birth = '', sex = '', address = '', issued = ''] = fields;
    parts = { id, oldId, name, birth, sex, address, issued };
  } else {
    return { ok: false, problem: 'fieldCount' };
  }
  if (!/^\d{12}$/.test(parts.id)) return { ok: false, problem: 'personalId' };
  const name = nameCase(parts.name);
  if (name.length < 2 || /[0-9]/.test(name)) return { ok: false, problem: 'name' };
  return {
    ok: true,
    data: {
      personalId: parts.id,
      oldId: /^\d{9}$/.test(parts.oldId) ? parts.oldId : null,
      name,
      birthDate: civilDateOf(parts.birth),
      sex: parts.sex || null,
      address: parts.address.replace(/\s+/g, ' ') || null,
      issuedOn: civilDateOf(parts.issued),
    },
  };
}
