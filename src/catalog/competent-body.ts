/**
 * The competent body of a procedure as data (issue 9 §1): which kind of agency decides, at
 * which level, and for departments which function. The directory resolves it to one agency of
 * the applicant's (or the place's) commune or of the province — never to a default. A
 * published agency text this file cannot read gives `null`, and intake refuses the procedure
 * until the catalogue says who decides. Pure.
 */
export const bodyKinds = ['people_committee', 'commune_police', 'provincial_police', 'provincial_department', 'social_insurance'] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyLevels = ['commune', 'province'] as const;
export type BodyLevel = (typeof bodyLevels)[number];

export interface CompetentBody {
  readonly kind: BodyKind;
  readonly level: BodyLevel;
  /** the department's function ('tu-phap', 'nong-nghiep-moi-truong', …); null for other kinds */
  readonly functionCode: string | null;
}

/** The departments and agencies the demo province's catalogue names, by function code. */
export const FUNCTION_NAMES = {
  'tu-phap': 'Sở Tư pháp',
  'nong-nghiep-moi-truong': 'Sở Nông nghiệp và Môi trường',
  'xay-dung': 'Sở Xây dựng',
  'y-te': 'Sở Y tế',
  'bhxh': 'Bảo hiểm xã hội',
} as const satisfies Record<string, string>;

/** Lower case without diacritics (đ → d), single spaces: how published agency texts are compared. */
export function plainText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

const body = (kind: BodyKind, level: BodyLevel, functionCode: string | null = null): CompetentBody => ({ kind, level, functionCode });

/**
 * Reads a published agency text ("Công an cấp Xã", "Sở Nông nghiệp và Môi trường tỉnh Đồng
 * Tháp", "Ủy ban nhân dân cấp xã", "Ủy ban Nhân dân xã, phường, thị trấn.") into a body.
 * Order matters: police before people's committees (texts listing several bodies name the
 * one-stop's own body last, e.g. certification "…, Ủy ban nhân dân cấp xã").
 */
export function competentBodyFromText(agency: string | null): CompetentBody | null {
  if (!agency) return null;
  const t = plainText(agency);
  if (/cong an (cap )?xa/.test(t)) return body('commune_police', 'commune');
  if (/cong an (cap )?tinh/.test(t)) return body('provincial_police', 'province');
  if (/bao hiem xa hoi|\bbhxh\b/.test(t)) return body('social_insurance', 'province', 'bhxh');
  if (t.includes('so nong nghiep va moi truong')) return body('provincial_department', 'province', 'nong-nghiep-moi-truong');
  if (t.includes('so tu phap')) return body('provincial_department', 'province', 'tu-phap');
  if (t.includes('so xay dung')) return body('provincial_department', 'province', 'xay-dung');
  if (t.includes('so y te')) return body('provincial_department', 'province', 'y-te');
  if (/uy ban nhan dan (cap )?xa|uy ban nhan dan xa, phuong/.test(t)) return body('people_committee', 'commune');
  if (/uy ban nhan dan (cap )?tinh/.test(t)) return body('people_committee', 'province');
  return null;
}

/** Problems of a body read from an import row ([] when valid). */
export function competentBodyProblems(value: unknown): string[] {
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return ['phải là đối tượng {kind, level, functionCode} hoặc null'];
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!(bodyKinds as readonly unknown[]).includes(v.kind)) problems.push(`"kind" phải là một trong: ${bodyKinds.join(', ')}`);
  if (!(bodyLevels as readonly unknown[]).includes(v.level)) problems.push(`"level" phải là một trong: ${bodyLevels.join(', ')}`);
  const fn = v.functionCode ?? null;
  if (fn !== null && typeof fn !== 'string') problems.push('"functionCode" phải là chuỗi hoặc null');
  if (v.kind === 'provincial_department' && !fn) problems.push('"functionCode" bắt buộc với provincial_department (vd. "tu-phap")');
  if ((v.kind === 'commune_police' || v.kind === 'people_committee') && v.level === 'commune' && fn) problems.push('"functionCode" chỉ dùng cho sở, ngành');
  return problems;
}

export function toCompetentBody(value: Record<string, unknown>): CompetentBody {
  return body(value.kind as BodyKind, value.level as BodyLevel, typeof value.functionCode === 'string' ? value.functionCode : null);
}

/** Vietnamese label of a body, e.g. "Công an cấp xã", "Sở Tư pháp". */
export function competentBodyLabel(b: CompetentBody): string {
  switch (b.kind) {
    case 'people_committee': return b.level === 'commune' ? 'Ủy ban nhân dân cấp xã' : 'Ủy ban nhân dân cấp tỉnh';
    case 'commune_police': return 'Công an cấp xã';
    case 'provincial_police': return 'Công an cấp tỉnh';
    case 'social_insurance': return 'Bảo hiểm xã hội';
    case 'provincial_department': return (FUNCTION_NAMES as Record<string, string>)[b.functionCode ?? ''] ?? `Sở (${b.functionCode ?? '?'})`;
  }
}

/** Fields whose procedures are tied to a place (land, works, business location): DOMAIN §9.3.5. */
const PLACE_TIED_FIELDS = ['dat dai', 'hoat dong xay dung', 'ho kinh doanh'];

export function isPlaceTiedField(field: string): boolean {
  const t = plainText(field);
  return PLACE_TIED_FIELDS.some((f) => t.includes(f));
}
