// The e-form of a procedure, generated from its JSON schema (the subset the catalogue uses:
// string with format date / pattern / length, number, integer, enum, boolean; required). Pure.

export type EformKind = 'text' | 'date' | 'number' | 'integer' | 'enum' | 'boolean';

export interface EformField {
  readonly key: string;
  readonly title: string;
  readonly kind: EformKind;
  readonly required: boolean;
  readonly options: readonly string[];
  readonly maxLength: number | null;
  readonly pattern: string | null;
  readonly description: string | null;
}

type Schema = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

export function eformFields(schema: unknown): EformField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const fields: EformField[] = [];
  for (const [key, s] of Object.entries(schema.properties)) {
    if (!isObject(s)) continue;
    let kind: EformKind;
    if (Array.isArray(s.enum)) kind = 'enum';
    else if (s.type === 'boolean') kind = 'boolean';
    else if (s.type === 'integer') kind = 'integer';
    else if (s.type === 'number') kind = 'number';
    else if (s.type === 'string' && s.format === 'date') kind = 'date';
    else if (s.type === 'string' || s.type === undefined) kind = 'text';
    else continue; // objects and arrays are not asked at the counter
    fields.push({
      key, kind, required: required.has(key),
      title: typeof s.title === 'string' ? s.title : key,
      options: Array.isArray(s.enum) ? s.enum.map((e) => String(e)) : [],
      maxLength: typeof s.maxLength === 'number' ? s.maxLength : null,
      pattern: typeof s.pattern === 'string' ? s.pattern : null,
      description: typeof s.description === 'string' ? s.description : null,
    });
  }
  // required fields first, the schema's order otherwise
  return fields.map((f, i) => ({ f, i })).sort((a, b) => Number(b.f.required) - Number(a.f.required) || a.i - b.i).map((x) => x.f);
}

/** What the form holds: text for inputs, booleans for checkboxes. */
export type EformValues = Readonly<Record<string, string | boolean>>;

export interface ApplicantFacts {
  readonly personalId: string;
  readonly name: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
}

/** Keys the catalogue's e-forms use for the applicant's own data (prefilled, "công dân không viết"). */
const prefillKeys: Readonly<Record<string, keyof ApplicantFacts>> = {
  fullName: 'name', name: 'name', applicantName: 'name',
  personalId: 'personalId', idNumber: 'personalId',
  dateOfBirth: 'birthDate', birthDate: 'birthDate',
  phone: 'phone', phoneNumber: 'phone',
  email: 'email',
  address: 'address', residence: 'address',
};

/** Fills the fields that come from the applicant, leaving what the clerk has typed since. */
export function prefillEform(fields: readonly EformField[], values: EformValues, facts: ApplicantFacts, previous: ApplicantFacts | null): EformValues {
  const next: Record<string, string | boolean> = { ...values };
  for (const f of fields) {
    const source = prefillKeys[f.key];
    if (!source || f.kind === 'boolean') continue;
    const current = next[f.key];
    const untouched = current === undefined || current === '' || (previous !== null && current === previous[source]);
    if (untouched) next[f.key] = facts[source];
  }
  return next;
}

export interface EformProblem {
  readonly key: string;
  readonly kind: 'required' | 'number' | 'pattern' | 'tooLong';
}

/** The form data to send (empty fields left out) and what is wrong with it. */
export function buildFormData(fields: readonly EformField[], values: EformValues): { data: Record<string, unknown>; problems: EformProblem[] } {
  const data: Record<string, unknown> = {};
  const problems: EformProblem[] = [];
  for (const f of fields) {
    const raw = values[f.key];
    if (f.kind === 'boolean') {
      if (raw === true || f.required) data[f.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) {
      if (f.required) problems.push({ key: f.key, kind: 'required' });
      continue;
    }
    if (f.kind === 'number' || f.kind === 'integer') {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) problems.push({ key: f.key, kind: 'number' });
      else data[f.key] = n;
      continue;
    }
    if (f.maxLength !== null && [...text].length > f.maxLength) problems.push({ key: f.key, kind: 'tooLong' });
    if (f.pattern !== null) {
      let re: RegExp | null = null;
      try { re = new RegExp(f.pattern, 'u'); } catch { re = null; }
      if (re && !re.test(text)) problems.push({ key: f.key, kind: 'pattern' });
    }
    data[f.key] = text;
  }
  return { data, problems };
}
