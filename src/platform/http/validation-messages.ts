// Vietnamese messages for request-schema failures (issue 9 §5): the user reads "Mã hồ sơ không đúng
// định dạng", never Ajv's raw "must match pattern "^[0-9A-Z.]+-…$"". Pure.

export interface SchemaIssue {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/** Names users know for the fields of the API's requests (the last segment of the path). */
const fieldLabels: Record<string, string> = {
  code: 'Mã hồ sơ', dossier: 'Mã hồ sơ', personalId: 'Số định danh cá nhân', phone: 'Số điện thoại', name: 'Họ tên',
  status: 'Trạng thái', procedureCode: 'Mã thủ tục', agency: 'Cơ quan', unit: 'Đơn vị', unitCode: 'Đơn vị hành chính',
  from: 'Từ ngày', to: 'Đến ngày', limit: 'Số dòng', offset: 'Vị trí bắt đầu', after: 'Trang tiếp theo', by: 'Tiêu chí',
  email: 'Thư điện tử', birthDate: 'Ngày sinh', address: 'Địa chỉ', reason: 'Lý do', note: 'Ghi chú', items: 'Danh sách nội dung',
  papers: 'Thành phần hồ sơ', channel: 'Kênh', kind: 'Loại', applicant: 'Người nộp hồ sơ', taxCode: 'Mã số thuế',
  newDueAt: 'Ngày hẹn mới', signedAt: 'Thời điểm ký', amountVnd: 'Số tiền', stars: 'Số sao', comment: 'Nhận xét',
  procedure: 'Thủ tục', level: 'Cấp', asOf: 'Cách xem đơn vị', format: 'Định dạng', year: 'Năm', month: 'Tháng',
};

/** The label of the field an issue is about ('' when the whole object). */
export function fieldLabel(issue: SchemaIssue): string {
  const missing = issue.keyword === 'required' ? issue.params?.missingProperty : undefined;
  const segs = (issue.instancePath ?? '').split('/').filter(Boolean);
  const last = typeof missing === 'string' ? missing : [...segs].reverse().find((s) => !/^\d+$/.test(s));
  if (last === undefined) return '';
  return fieldLabels[last] ?? last;
}

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('vi-VN') : String(v));

/** What is wrong, in Vietnamese, without the schema's internals (patterns, keywords). */
export function issueMessage(issue: SchemaIssue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'pattern': case 'format': return 'không đúng định dạng';
    case 'minLength': return Number(p.limit) <= 1 ? 'không được để trống' : `phải có ít nhất ${n(p.limit)} ký tự`;
    case 'maxLength': return `dài quá ${n(p.limit)} ký tự`;
    case 'minimum': case 'exclusiveMinimum': return `phải từ ${n(p.limit)} trở lên`;
    case 'maximum': case 'exclusiveMaximum': return `không được vượt quá ${n(p.limit)}`;
    case 'type': return p.type === 'integer' || p.type === 'number' ? 'phải là số' : p.type === 'boolean' ? 'phải là đúng/sai' : 'sai kiểu dữ liệu';
    case 'required': return 'là bắt buộc';
    case 'additionalProperties': return `trường "${String(p.additionalProperty ?? '')}" không được phép`;
    case 'enum': case 'const': case 'anyOf': case 'oneOf': return 'không thuộc các giá trị cho phép';
    case 'minItems': return `cần ít nhất ${n(p.limit)} mục`;
    case 'maxItems': return `nhiều quá ${n(p.limit)} mục`;
    case 'uniqueItems': return 'có mục bị trùng';
    case 'maxProperties': return `nhiều quá ${n(p.limit)} trường`;
    default: return 'không hợp lệ';
  }
}

/** "Mã hồ sơ không đúng định dạng." */
export function issueSentence(issue: SchemaIssue): string {
  const label = fieldLabel(issue);
  const msg = issueMessage(issue);
  return label ? `${label} ${msg}.` : `Dữ liệu ${msg}.`;
}
