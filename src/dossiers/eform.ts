// Validates e-form data against a procedure's JSON schema: the shared Ajv validator
// (src/shared/eform-validation.ts, the one the counter's e-form step uses), its issues as the
// problems of an intake under /formData.
import type { ErrorDetail } from '../platform/errors';
import { validateEform } from '../shared/eform-validation';

/** Problems of `data` against `schema` (empty when valid); paths are JSON pointers under /formData. */
export function validateFormData(schema: Record<string, unknown>, data: unknown): ErrorDetail[] {
  return validateEform(schema, data).map((i) => ({ path: `/formData${i.path}`, message: i.message }));
}
