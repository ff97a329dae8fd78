// A small province for dossier tests: two communes with their UBND, a provincial centre that
// receives at a post office, a commune-level procedure (5 working days) and one actor per role.
import { FixedClock } from '../platform/clock';
import type { Actor, Role } from '../platform/actor';
import type { Database } from '../platform/db/connect';
import type { DossierContext } from './events';
import type { IntakeInput } from './model';

let n = 0;

export interface World {
  readonly db: Database;
  readonly clock: FixedClock;
  readonly province: { id: number; path: string; code: string };
  readonly commune: { id: number; path: string; code: string };
  readonly otherCommune: { id: number; path: string; code: string };
  readonly communeAgency: { id: number; identifier: string };
  readonly otherAgency: { id: number; identifier: string };
  readonly centre: { id: number; identifier: string };
  readonly servicePoint: { id: number; code: string };
  readonly otherServicePoint: { id: number; code: string };
  readonly procedureCode: string;
  readonly actors: Record<'clerk' | 'communeClerk' | 'otherClerk' | 'courier' | 'officer' | 'otherOfficer' | 'approver' | 'supervisor' | 'otherSupervisor' | 'citizen' | 'admin', Actor>;
  ctx(actor: Actor | null): DossierContext;
  intake(overrides?: Partial<IntakeInput> & { personalId?: string; name?: string; phone?: string }): IntakeInput;
}

export async function buildWorld(db: Database, at = '2026-03-02T09:00:00+07:00'): Promise<World> {
  const tag = `${process.pid % 1000}${++n}`;
  const unit = async (code: string, level: 'province' | 'commune', parent?: { id: number; path: string }, provinceCode?: string) =>
    db.insertInto('admin_units').values({
      code, name: level === 'province' ? `Tỉnh ${code}` : `Xã ${code}`, kind: level === 'province' ? 'tinh' : 'xa', level,
      parent_id: parent?.id ?? null, province_code: provinceCode ?? code, path: `${parent?.path ?? '/'}${code}/`, valid_from: '2025-07-01', valid_to: null,
    }).returning(['id', 'path', 'code']).executeTakeFirstOrThrow();
  const province = await unit(`9${tag}`, 'province');
  const commune = await unit(`8${tag}1`, 'commune', province, province.code);
  const otherProvince = await unit(`7${tag}`, 'province');
  const otherCommune = await unit(`6${tag}1`, 'commune', otherProvince, otherProvince.code);
  const agency = (identifier: string, name: string, kind: 'people_committee' | 'public_service_centre', level: 'province' | 'commune', u: { id: number }, provinceCode: string) =>
    db.insertInto('agencies').values({ identifier, name, kind, level, admin_unit_id: u.id, parent_agency_id: null, province_code: provinceCode, valid_from: '2025-07-01', valid_to: null })
      .returning(['id', 'identifier']).executeTakeFirstOrThrow();
  const communeAgency = await agency('000.01.61.H20', 'Ủy ban nhân dân xã Một', 'people_committee', 'commune', commune, province.code);
  const otherAgency = await agency('000.02.61.H58', 'Ủy ban nhân dân xã Hai', 'people_committee', 'commune', otherCommune, otherProvince.code);
  const centre = await agency('000.00.30.H20', 'Trung tâm Phục vụ hành chính công tỉnh', 'public_service_centre', 'province', province, province.code);
  const sp = (code: string, receiving: number) => db.insertInto('service_points').values({
    code, name: `Bưu điện ${code}`, kind: 'post_office', admin_unit_id: commune.id, receiving_agency_id: receiving, address: 'Số 1',
    latitude: null, longitude: null, phone: null, opening_hours: JSON.stringify({ weekly: { 1: ['07:00-17:00'] } }),
    province_code: province.code, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'code']).executeTakeFirstOrThrow();
  const servicePoint = await sp(`BD-${tag}`, centre.id);
  const otherServicePoint = await sp(`BD-${tag}-2`, centre.id);
  const communePoint = await sp(`BD-${tag}-3`, communeAgency.id);
  const procedureCode = `9.${tag.padStart(6, '0')}`;
  await db.insertInto('procedures').values({
    code: procedureCode, full_code: null, version: 1, name: 'Thủ tục đăng ký khai sinh (thử)', field: 'Hộ tịch', competent_level: 'commune',
    competent_agency: 'Ủy ban nhân dân cấp xã', duration_value: 5, duration_unit: 'working_days', cutoff: null, fees: '[]',
    required_papers: JSON.stringify([
      { key: 'p1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: null },
      { key: 'p2', name: 'Giấy chứng sinh', originals: 1, copies: 0, note: 'Giấy tờ phải nộp' },
      { key: 'p3', name: 'Trường hợp ủy quyền thì có văn bản ủy quyền', originals: 1, copies: 0, note: null },
    ]),
    online_level: 'partial', postal_allowed: true, result_type: 'paper', result_description: 'Giấy khai sinh',
    eform_schema: JSON.stringify({
      type: 'object', required: ['fullName', 'personalId'], additionalProperties: false,
      properties: {
        fullName: { type: 'string', title: 'Họ và tên', maxLength: 100 },
        personalId: { type: 'string', title: 'Số định danh', pattern: '^[0-9]{12}$' },
        eventDate: { type: 'string', format: 'date' },
        gender: { type: 'string', enum: ['Nam', 'Nữ'] },
      },
    }),
    steps: JSON.stringify([
      { key: 'appraise', name: 'Thẩm định hồ sơ', role: 'officer', share: 0.6 },
      { key: 'approve', name: 'Phê duyệt', role: 'approver', share: 0.3 },
      { key: 'issue', name: 'Trả kết quả', role: 'clerk', share: 0.1 },
    ]),
    defaults_applied: '[]', source: null, province_code: province.code, effective_from: '2025-07-01', effective_to: null,
  }).execute();
  // actors without an account row: ids far above the accounts' own sequence, so that a test may insert their rows
  const actor = (n: number, role: Role, scope: Actor['scope']): Actor => ({ userId: 9000 + n, username: `${role}${9000 + n}`, fullName: `Người ${role}`, role, scope });
  // officers and approvers are real accounts: an assignment names one of them (accounts/references)
  const staff = async (fullName: string, role: 'officer' | 'approver', agencyId: number, unitPath: string): Promise<Actor> => {
    const username = `${role}-${tag}-${agencyId}`;
    const row = await db.insertInto('users').values({
      username, full_name: fullName, role, password_hash: 'x', email: null, phone: null, personal_id: null,
      scope_unit_id: null, scope_agency_id: agencyId, scope_service_point_id: null, scope_code: null, scope_path: unitPath,
    }).returning('id').executeTakeFirstOrThrow();
    return { userId: row.id, username, fullName, role, scope: { kind: 'agency', agencyId, unitPath } };
  };
  const actors = {
    clerk: actor(1, 'clerk', { kind: 'servicePoint', servicePointId: servicePoint.id, unitPath: commune.path }),
    communeClerk: actor(11, 'clerk', { kind: 'servicePoint', servicePointId: communePoint.id, unitPath: commune.path }),
    otherClerk: actor(2, 'clerk', { kind: 'servicePoint', servicePointId: otherServicePoint.id, unitPath: commune.path }),
    courier: actor(3, 'courier', { kind: 'servicePoint', servicePointId: servicePoint.id, unitPath: commune.path }),
    officer: await staff('Nguyễn Minh Khoa', 'officer', communeAgency.id, commune.path),
    otherOfficer: await staff('Lê Văn Khác', 'officer', otherAgency.id, otherCommune.path),
    approver: await staff('Phạm Quốc Bảo', 'approver', communeAgency.id, commune.path),
    supervisor: actor(7, 'supervisor', { kind: 'unit', unitId: province.id, unitPath: province.path }),
    otherSupervisor: actor(8, 'supervisor', { kind: 'unit', unitId: otherProvince.id, unitPath: otherProvince.path }),
    citizen: actor(9, 'citizen', { kind: 'self', personalId: '087090001234' }),
    admin: actor(10, 'admin', { kind: 'unit', unitId: 0, unitPath: '/' }),
  };
  const clock = new FixedClock(new Date(at));
  return {
    db, clock, province, commune, otherCommune, communeAgency, otherAgency, centre, servicePoint, otherServicePoint, procedureCode, actors,
    ctx: (a) => ({ db, clock, actor: a }),
    intake: (o = {}) => ({
      procedureCode, applicant: { personalId: o.personalId ?? '087090001234', name: o.name ?? 'Nguyễn Văn An', phone: o.phone ?? '0912345678', unitCode: commune.code },
      papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }],
      formData: { fullName: o.name ?? 'Nguyễn Văn An', personalId: o.personalId ?? '087090001234', gender: 'Nam' },
      ...Object.fromEntries(Object.entries(o).filter(([k]) => !['personalId', 'name', 'phone'].includes(k))),
    }),
  };
}
