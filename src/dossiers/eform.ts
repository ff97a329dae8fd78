// Validates e-form data against a procedure's JSON schema, for the subset the catalogue uses:
// type, required, properties, additionalProperties, enum, pattern, minLength/maxLength,
// minimum/maximum, format 'date'. Pure. (ajv is only a transitive dependency of Fastify.)
import type { ErrorDetail } from '../platform/errors';

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    case 'object': return isObject(v);
    case 'array': return Array.isArray(v);
    case 'null': return v === null;
    default: return true;
  }
}

const typeLabels: Record<string, string> = {
  string: 'chuỗi ký tự', number: 'số', integer: 'số nguyên', boolean: 'đúng/sai', object: 'đối tượng', array: 'danh sách', null: 'rỗng',
};

function validateValue(schema: Schema, v: unknown, path: string, out: ErrorDetail[], depth: number): void {
  if (depth > 20 || out.length >= 50) return;
  const label = typeof schema.title === 'string' ? `${schema.title}: ` : '';
  if (typeof schema.type === 'string' && !typeMatches(schema.type, v)) {
    out.push({ path, message: `${label}phải là ${typeLabels[schema.type] ?? schema.type}` });
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === v)) {
    out.push({ path, message: `${label}giá trị không nằm trong danh sách cho phép` });
  }
  if (typeof v === 'string') {
    if (typeof schema.maxLength === 'number' && [...v].length > schema.maxLength) out.push({ path, message: `${label}dài quá ${schema.maxLength} ký tự` });
    if (typeof schema.minLength === 'number' && [...v].length < schema.minLength) out.push({ path, message: `${label}ngắn hơn ${schema.minLength} ký tự` });
    if (typeof schema.pattern === 'string' && !safeTest(schema.pattern, v)) out.push({ path, message: `${label}không đúng định dạng` });
    if (schema.format === 'date' && !DATE_RE.test(v)) out.push({ path, message: `${label}phải là ngày dạng YYYY-MM-DD` });
  }
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && v < schema.minimum) out.push({ path, message: `${label}phải ≥ ${schema.minimum}` });
    if (typeof schema.maximum === 'number' && v > schema.maximum) out.push({ path, message: `${label}phải ≤ ${schema.maximum}` });
  }
  if (isObject(v)) {
    const props = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
    for (const key of required) {
      const s = props[key];
      const title = isObject(s) && typeof s.title === 'string' ? s.title : key;
      if (v[key] === undefined || v[key] === null || v[key] === '') out.push({ path: `${path}/${key}`, message: `${title}: bắt buộc` });
    }
    for (const [key, value] of Object.entries(v)) {
      const s = props[key];
      if (isObject(s)) validateValue(s, value, `${path}/${key}`, out, depth + 1);
      else if (schema.additionalProperties === false) out.push({ path: `${path}/${key}`, message: 'trường không có trong biểu mẫu' });
    }
  }
  if (Array.isArray(v) && isObject(schema.items)) {
    v.forEach((item, i) => validateValue(schema.items as Schema, item, `${path}/${i}`, out, depth + 1));
  }
}

const patternCache = new Map<string, RegExp | null>();
function safeTest(pattern: string, v: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try { re = new RegExp(pattern, 'u'); } catch { re = null; }
    patternCache.set(pattern, re);
  }
  return re === null ? true : re.test(v);
}

/** Problems of `data` against `schema` (empty when valid); paths are JSON pointers under /formData. */
export function validateFormData(schema: Record<string, unknown>, data: unknown): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  validateValue(schema, data, '/formData', out, 0);
  return out;
}
