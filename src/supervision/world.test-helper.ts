// A supervised province for supervision and transparency tests: the dossiers' world plus a second
// commune of the same province with its own UBND, and real user rows (approvers, officers,
// supervisors at province and commune level) so escalations have recipients.
import type { Actor, Role } from '../platform/actor';
import type { Database } from '../platform/db/connect';
import { performAction } from '../dossiers/service';
import { receiveDossier } from '../dossiers/service';
import type { Action } from '../dossiers/lifecycle';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { resolutionHook } from '../reports/transparency';

export interface SupervisedWorld extends World {
  readonly commune2: { id: number; path: string; code: string };
  readonly agency2: { id: number; identifier: string };
  readonly users: Record<'approver1' | 'approver2' | 'officer1' | 'provinceSupervisor' | 'commune1Supervisor' | 'commune2Supervisor' | 'otherSupervisor', Actor>;
  receiveAt(iso: string, commune?: 1 | 2, name?: string): Promise<string>;
  act(who: Actor, code: string, action: Action, iso: string, input?: Parameters<typeof performAction>[3]): Promise<void>;
}

let n = 0;

export async function buildSupervisedWorld(db: Database): Promise<SupervisedWorld> {
  const w = await buildWorld(db);
  const tag = `${process.pid % 1000}${++n}`;
  const commune2 = await db.insertInto('admin_units').values({
    code: `5${tag}2`, name: `Xã Hai ${tag}`, kind: 'xa', level: 'commune', parent_id: w.province.id, province_code: w.province.code,
    path: `${w.province.path}5${tag}2/`, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'path', 'code']).executeTakeFirstOrThrow();
  const agency2 = await db.insertInto('agencies').values({
    identifier: `000.03.61.H${tag.slice(-2).padStart(2, '0')}`, name: 'Ủy ban nhân dân xã Hai', kind: 'people_committee', level: 'commune',
    admin_unit_id: commune2.id, parent_agency_id: null, province_code: w.province.code, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'identifier']).executeTakeFirstOrThrow();
  const user = async (username: string, fullName: string, role: Role, scope: Actor['scope'], email: string | null): Promise<Actor> => {
    const row = await db.insertInto('users').values({
      username: `${username}${tag}`, full_name: fullName, role, password_hash: 'x', email, phone: null, personal_id: null,
      scope_unit_id: scope.kind === 'unit' ? scope.unitId : null, scope_agency_id: scope.kind === 'agency' ? scope.agencyId : null,
      scope_service_point_id: null, scope_code: null, scope_path: scope.kind === 'unit' || scope.kind === 'agency' ? scope.unitPath : null,
    }).returning('id').executeTakeFirstOrThrow();
    return { userId: row.id, username: `${username}${tag}`, fullName, role, scope };
  };
  const withEmail = async (a: Actor, email: string): Promise<Actor> => {
    await db.updateTable('users').set({ email }).where('id', '=', a.userId).execute();
    return a;
  };
  const users = {
    // the world's approver of the commune agency (a real account), with a mail address
    approver1: await withEmail(w.actors.approver, 'bao@example.vn'),
    approver2: await user('ld2', 'Lê Thị Hai', 'approver', { kind: 'agency', agencyId: agency2.id, unitPath: commune2.path }, null),
    officer1: await user('cv1', 'Nguyễn Minh Khoa', 'officer', { kind: 'agency', agencyId: w.communeAgency.id, unitPath: w.commune.path }, null),
    provinceSupervisor: await user('gs0', 'Võ Thị Lan', 'supervisor', { kind: 'unit', unitId: w.province.id, unitPath: w.province.path }, 'lan@example.vn'),
    commune1Supervisor: await user('gs1', 'Trần Văn Một', 'supervisor', { kind: 'unit', unitId: w.commune.id, unitPath: w.commune.path }, null),
    commune2Supervisor: await user('gs2', 'Trần Văn Hai', 'supervisor', { kind: 'unit', unitId: commune2.id, unitPath: commune2.path }, null),
    otherSupervisor: await user('gs9', 'Đỗ Văn Khác', 'supervisor', { kind: 'unit', unitId: w.otherCommune.id, unitPath: w.otherCommune.path }, null),
  };
  const hooks = [resolutionHook];
  return {
    ...w, commune2, agency2, users,
    async receiveAt(iso, commune = 1, name = 'Nguyễn Văn An') {
      w.clock.set(new Date(iso));
      const input = w.intake({ name });
      const r = await receiveDossier({ ...w.ctx(w.actors.clerk), hooks }, {
        ...input, applicant: { ...input.applicant, unitCode: commune === 1 ? w.commune.code : commune2.code },
      });
      return r.code;
    },
    async act(who, code, action, iso, input = {}) {
      w.clock.set(new Date(iso));
      await performAction({ ...w.ctx(who), hooks }, code, action, input);
    },
  };
}
