// The combined e-form asks each field once and fills every member's form (issue 17, acceptance).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineForms, memberForm, unknownFields } from './combined-form';

const fieldName = fc.constantFrom('fullName', 'personalId', 'address', 'phone', 'subjectFullName', 'eventDate', 'residenceAddress', 'cardPlace', 'x1', 'x2');
const member = fc.record({
  key: fc.string({ minLength: 1, maxLength: 6 }),
  fields: fc.uniqueArray(fieldName, { maxLength: 8 }),
  required: fc.array(fieldName, { maxLength: 3 }),
});
const membersArb = fc.uniqueArray(member, { minLength: 1, maxLength: 5, selector: (m) => m.key });
const schemaOf = (fields: readonly string[], required: readonly string[]) =>
  ({ type: 'object', properties: Object.fromEntries(fields.map((f) => [f, { type: 'string', title: f }])), required: required.filter((r) => fields.includes(r)) });

describe('combineForms', () => {
  it('asks every member field exactly once, and each field is attributed to exactly the members that ask it', () => {
    fc.assert(fc.property(membersArb, (members) => {
      const form = combineForms(members.map((m) => ({ key: m.key, schema: schemaOf(m.fields, m.required) })));
      const asked = Object.keys(form.schema.properties);
      expect(new Set(asked).size).toBe(asked.length);
      expect(new Set(asked)).toEqual(new Set(members.flatMap((m) => m.fields)));
      for (const f of asked) expect(form.askedBy[f]).toEqual(members.filter((m) => (m.fields as readonly string[]).includes(f)).map((m) => m.key));
      for (const r of form.schema.required) expect(asked).toContain(r);
      expect(new Set(form.schema.required).size).toBe(form.schema.required.length);
    }));
  });

  it('fills every member\'s form from the combined values: its own fields, nothing else', () => {
    fc.assert(fc.property(membersArb, fc.dictionary(fieldName, fc.string({ minLength: 1, maxLength: 5 })), (members, partial) => {
      const form = combineForms(members.map((m) => ({ key: m.key, schema: schemaOf(m.fields, m.required) })));
      const given: Record<string, string> = partial;
      const values = Object.fromEntries(Object.keys(form.schema.properties).map((f) => [f, given[f] ?? `v-${f}`]));
      expect(unknownFields(form, values)).toEqual([]);
      for (const m of members) {
        const own = memberForm(schemaOf(m.fields, m.required), values);
        expect(Object.keys(own).sort()).toEqual([...m.fields].sort());
        for (const f of m.fields) expect(own[f]).toBe(values[f]);
      }
    }));
  });

  it('names the values no member asks', () => {
    const form = combineForms([{ key: 'a', schema: schemaOf(['fullName'], []) }]);
    expect(unknownFields(form, { fullName: 'An', typo: 1 })).toEqual(['typo']);
  });
});
