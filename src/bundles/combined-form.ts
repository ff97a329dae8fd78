// One e-form for a bundle (issue 17 §1): the union of the members' e-form fields, each asked once,
// and each member's own form filled from it. Pure. The members' e-forms are JSON Schemas of type
// object (the catalogue's `eformSchema`); a field that several members ask (the applicant's name,
// personal ID, address…) appears once, with the first member's definition.

export interface FormSchema {
  readonly type?: unknown;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  readonly [k: string]: unknown;
}

export interface CombinedForm {
  readonly schema: { type: 'object'; properties: Record<string, unknown>; required: string[]; additionalProperties: false };
  /** each field with the members that ask it, in the members' order */
  readonly askedBy: Readonly<Record<string, readonly string[]>>;
}

export function combineForms(members: readonly { key: string; schema: FormSchema }[]): CombinedForm {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const askedBy: Record<string, string[]> = {};
  for (const m of members) {
    for (const [field, spec] of Object.entries(m.schema.properties ?? {})) {
      if (!(field in properties)) properties[field] = spec;
      (askedBy[field] ??= []).push(m.key);
    }
    for (const field of m.schema.required ?? []) if (!required.includes(field)) required.push(field);
  }
  return { schema: { type: 'object', properties, required, additionalProperties: false }, askedBy };
}

/** A member's own form from the combined form's values: exactly its fields that were filled. */
export function memberForm(schema: FormSchema, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(schema.properties ?? {})) if (values[field] !== undefined) out[field] = values[field];
  return out;
}

/** Fields of the combined values that no member asks (a typo or a field of another bundle). */
export function unknownFields(form: CombinedForm, values: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(values).filter((f) => !(f in form.askedBy));
}
