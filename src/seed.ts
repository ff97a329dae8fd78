// `motcua seed --demo`: the Đồng Tháp demo province, its procedures and one demo user per role.
// Demo users exist only in demo mode; a real deployment creates its first administrator with
// `motcua user add`.
import type { Role } from './platform/actor';
import type { Clock } from './platform/clock';
import type { Database } from './platform/db/connect';
import { createUser } from './accounts/service';
import { seedCatalog, seedNationalFile } from './catalog/seed';
import { memberProceduresFile } from './bundles/seed';
import { seedDirectory } from './directory/seed';
import { resolveScope } from './directory/service';
import { seedDemoHomeAreas } from './appointments/home-areas';
import { vnDateOfInstant } from './shared/civil-date';

export const DEMO_PASSWORD = 'motcua-demo';

/** Codes the demo users are scoped to (see src/directory/seed). */
export const demoScopes = {
  province: '82',
  servicePoint: 'BDVHX-29926', // Điểm Bưu điện – Văn hóa xã Tân Hồng
  agency: '000.58.61.H20', // Ủy ban nhân dân xã Tân Hồng (demo identifier)
  police: '058.00.20.H20', // Công an xã Tân Hồng (demo identifier): residence and driving-licence procedures
  socialInsurance: '000.00.40.H20', // Bảo hiểm xã hội tỉnh (demo identifier): a bundle's health-insurance card and funeral allowance (issue 17)
} as const;

interface DemoUser {
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly scopeCode?: string;
  readonly personalId?: string;
}

export const demoUsers: readonly DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị Hệ thống', role: 'admin' }, // system administrator: no scope
  { username: 'clerk', fullName: 'Trần Thị Thu Hà', role: 'clerk', scopeCode: demoScopes.servicePoint },
  { username: 'courier', fullName: 'Lê Văn Tâm', role: 'courier', scopeCode: demoScopes.servicePoint },
  { username: 'officer', fullName: 'Nguyễn Minh Khoa', role: 'officer', scopeCode: demoScopes.agency },
  { username: 'approver', fullName: 'Phạm Quốc Bảo', role: 'approver', scopeCode: demoScopes.agency },
  { username: 'police_officer', fullName: 'Đặng Văn Hùng', role: 'officer', scopeCode: demoScopes.police },
  { username: 'police_approver', fullName: 'Huỳnh Thanh Sơn', role: 'approver', scopeCode: demoScopes.police },
  { username: 'bhxh_officer', fullName: 'Trương Thị Mai', role: 'officer', scopeCode: demoScopes.socialInsurance },
  { username: 'bhxh_approver', fullName: 'Lâm Văn Phúc', role: 'approver', scopeCode: demoScopes.socialInsurance },
  { username: 'supervisor', fullName: 'Võ Thị Ngọc Lan', role: 'supervisor', scopeCode: demoScopes.province },
  { username: 'citizen', fullName: 'Nguyễn Văn An', role: 'citizen', personalId: '087090001234' },
];

export interface SeedReport {
  readonly directory: Record<string, number>;
  readonly catalog: Record<string, number>;
  readonly usersCreated: number;
}

/** Idempotent: a second run adds nothing. */
export async function seedDemo(db: Database, clock: Clock): Promise<SeedReport> {
  const directory = await seedDirectory(db, clock);
  const catalog = await seedCatalog(db, clock);
  // the members of the ND 63/2024 bundles the national extract lacks (src/bundles/README.md)
  await seedNationalFile(db, memberProceduresFile);
  let usersCreated = 0;
  for (const u of demoUsers) {
    const exists = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (exists) continue;
    await createUser({ db, clock, actor: null }, { ...u, password: DEMO_PASSWORD }, (kind, code) => resolveScope(db, kind, code));
    // the demo citizen's card was checked at a counter: their personal ID's dossiers are theirs to see (issue 15 §1)
    if (u.personalId) {
      await db.updateTable('users').set({ personal_id_verified_at: clock.now(), personal_id_verified_via: 'counter' }).where('username', '=', u.username).execute();
    }
    usersCreated++;
  }
  // the demo courier visits homes in the commune of their post office (issue 14 §2)
  await seedDemoHomeAreas(db, demoScopes.servicePoint, vnDateOfInstant(clock.now().getTime()));
  return { directory, catalog, usersCreated };
}

export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const row = await db.selectFrom('admin_units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
