// E-form data checked against the procedure's JSON schema by Ajv, with Vietnamese messages mapped
// from Ajv's error keywords: the one validator of intake (src/dossiers/eform.ts).
// Pure (Ajv compiles in memory; no I/O). Not imported by the web app: Ajv compiles a schema into a
// function with `new Function`, which the app's Content-Security-Policy (script-src 'self', no
// 'unsafe-eval', platform/http/server.ts) forbids in the browser; it would also add ~130 kB to
// the bundle. The counter keeps its own light checks (web/src/counter/eform.ts) and shows the
// server's /formData problems.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

export interface EformIssue {
  /** JSON pointer into the form data ('' for the whole form, '/fullName' for a field) */
  readonly path: string;
  /** Ajv's keyword (required, type, pattern…), or 'schema' when the catalogue's schema is not valid */
  readonly keyword: string;
  /** Vietnamese, for the clerk or the applicant, the field's title first */
  readonly message: string;
}

const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** yyyy-MM-dd of a day that exists. */
const isCivilDate = (v: string): boolean => {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
};

// strict: false — the catalogue's schemas carry titles, descriptions and formats Ajv does not know; logger: false — an unknown format is ignored, not logged on every compile
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateFormats: true, logger: false });
ajv.addFormat('date', isCivilDate);
ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);

const compiled = new Map<string, ValidateFunction | Error>();
function compile(schema: unknown): ValidateFunction | Error {
  const key = JSON.stringify(schema) ?? 'undefined';
  let v = compiled.get(key);
  if (!v) {
    try {
      v = ajv.compile(typeof schema === 'object' && schema !== null ? schema : {});
    } catch (e) {
      v = e instanceof Error ? e : new Error(String(e));
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, v);
  }
  return v;
}

const typeLabels: Readonly<Record<string, string>> = {
  string: 'chuỗi ký tự', number: 'số', integer: 'số nguyên', boolean: 'đúng/sai', object: 'đối tượng', array: 'danh sách', null: 'rỗng',
};
const formatLabels: Readonly<Record<string, string>> = { date: 'ngày dạng YYYY-MM-DD', email: 'địa chỉ thư điện tử' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const titleOf = (schema: unknown): string | null => (isObject(schema) && typeof schema.title === 'string' ? schema.title : null);
const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The Vietnamese message of one Ajv error; the field's title (or key) leads. */
export function issueOf(e: ErrorObject): EformIssue {
  const p = e.params as Record<string, unknown>;
  const label = (t: string | null) => (t ? `${t}: ` : '');
  const own = label(titleOf(e.parentSchema));
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const props = isObject(e.parentSchema) && isObject(e.parentSchema.properties) ? e.parentSchema.properties : {};
      return { path: `${e.instancePath}/${escapePointer(key)}`, keyword: e.keyword, message: `${titleOf(props[key]) ?? key}: bắt buộc` };
    }
    case 'additionalProperties':
      return { path: `${e.instancePath}/${escapePointer(String(p.additionalProperty))}`, keyword: e.keyword, message: 'trường không có trong biểu mẫu' };
    case 'type': {
      const types = String(p.type).split(',').map((t) => typeLabels[t] ?? t).join(' hoặc ');
      return { path: e.instancePath, keyword: e.keyword, message: `${own}phải là ${types}` };
    }
    default:
      return { path: e.instancePath, keyword: e.keyword, message: `${own}${detail(e.keyword, p)}` };
  }
}

function detail(keyword: string, p: Record<string, unknown>): string {
  switch (keyword) {
    case 'minLength': return `ngắn hơn ${String(p.limit)} ký tự`;
    case 'maxLength': return `dài quá ${String(p.limit)} ký tự`;
    case 'pattern': return 'không đúng định dạng';
    case 'format': return `phải là ${formatLabels[String(p.format)] ?? `định dạng ${String(p.format)}`}`;
    case 'enum': return 'giá trị không nằm trong danh sách cho phép';
    case 'const': return `phải là ${JSON.stringify(p.allowedValue)}`;
    case 'minimum': return `phải ≥ ${String(p.limit)}`;
    case 'maximum': return `phải ≤ ${String(p.limit)}`;
    case 'exclusiveMinimum': return `phải > ${String(p.limit)}`;
    case 'exclusiveMaximum': return `phải < ${String(p.limit)}`;
    case 'multipleOf': return `phải là bội số của ${String(p.multipleOf)}`;
    case 'minItems': return `cần ít nhất ${String(p.limit)} mục`;
    case 'maxItems': return `nhiều nhất ${String(p.limit)} mục`;
    case 'uniqueItems': return 'có mục trùng nhau';
    default: return 'không hợp lệ';
  }
}

/**
 * A required field left empty ('' or null) is missing, as on paper: the data is checked with those
 * values taken out, so the answer is "bắt buộc" rather than a type or length error.
 */
function withoutEmptyRequired(schema: unknown, data: unknown, depth = 0): unknown {
  if (depth > 20 || !isObject(schema) || !isObject(data)) return data;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const props = isObject(schema.properties) ? schema.properties : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (required.has(k) && (v === '' || v === null)) continue;
    out[k] = withoutEmptyRequired(props[k], v, depth + 1);
  }
  return out;
}

const MAX_ISSUES = 50;

/** What is wrong with `data` against the procedure's e-form `schema`; empty when valid. */
export function validateEform(schema: unknown, data: unknown): EformIssue[] {
  const validate = compile(schema);
  if (validate instanceof Error) {
    return [{ path: '', keyword: 'schema', message: 'Biểu mẫu điện tử của thủ tục không hợp lệ; báo quản trị danh mục thủ tục.' }];
  }
  if (validate(withoutEmptyRequired(schema, data))) return [];
  return (validate.errors ?? []).slice(0, MAX_ISSUES).map(issueOf);
}
