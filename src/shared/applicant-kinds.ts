// Who files a dossier (issue 9; shared by the server and the web app): a person for themself, an
// organisation (its name, tax code and representative) or someone filing for another person with an
// authorisation paper. And the check of a Vietnamese tax code (mã số thuế). Pure.

export const applicantKinds = ['person', 'organisation', 'proxy'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

export const isApplicantKind = (v: unknown): v is ApplicantKind => typeof v === 'string' && (applicantKinds as readonly string[]).includes(v);

/** How each kind reads on a slip, a page and public tracking (no names). */
export const applicantKindLabels = {
  vi: { person: 'Cá nhân tự nộp', organisation: 'Tổ chức (qua người đại diện)', proxy: 'Nộp thay người khác (có giấy ủy quyền)' },
  en: { person: 'A person for themself', organisation: 'An organisation (through its representative)', proxy: 'Filed for another person (with an authorisation)' },
} as const satisfies Record<'vi' | 'en', Record<ApplicantKind, string>>;

// Tax code (MST): 10 digits — 2 for the province where it was issued, 7 for the sequence, 1 check
// digit — or, for a branch ("đơn vị phụ thuộc"), those 10, "-" and 3 digits 001–999 (QĐ 75/1998/QĐ-TCT
// structure [S]). The check digit: 10 − (Σ dᵢ·wᵢ mod 11) with weights 31 29 23 19 17 13 7 5 3; a sum
// ≡ 0 mod 11 gives 10, which no digit can be, so such a number is never issued [S: the published
// algorithm as implemented by python-stdnum / stdnum-js `vn.mst`; e.g. 0100047516, 0100233488].
const TAX_CODE_RE = /^(\d{10})(?:-(\d{3}))?$/;
const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit of a tax code's first nine digits, or null when none fits. */
export function taxCodeCheckDigit(nine: string): number | null {
  if (!/^\d{9}$/.test(nine)) return null;
  const sum = TAX_WEIGHTS.reduce((s, w, i) => s + w * Number(nine[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** Why a tax code is not valid (Vietnamese, for the user), or null when it is. */
export function taxCodeProblem(raw: string): string | null {
  const code = raw.trim();
  const m = TAX_CODE_RE.exec(code);
  if (!m) return 'Mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu "-" và 3 chữ số).';
  const main = m[1] ?? '';
  if (main.startsWith('00') || main.slice(2, 9) === '0000000' || m[2] === '000') return 'Mã số thuế không hợp lệ.';
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return 'Mã số thuế không đúng (sai chữ số kiểm tra); vui lòng đối chiếu lại với giấy chứng nhận đăng ký.';
  return null;
}
