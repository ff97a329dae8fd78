import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../platform/actor';
import { permissions, roles, rolePermissions, type Permission } from './model';
import { can, isWithinScope } from './policy';

// A random forest of unit paths: province / commune codes.
const codeArb = fc.stringMatching(/^[0-9]{2,5}$/);
const pathArb = fc.array(codeArb, { minLength: 1, maxLength: 3 }).map((codes) => `/${codes.join('/')}/`);

const actorWith = (role: Role, scope: Actor['scope']): Actor => ({ userId: 1, username: 'u', fullName: 'U', role, scope });

const sourcesOutsideTheTable = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) return sourcesOutsideTheTable(p);
  return /\.tsx?$/.test(e.name) && !/\.test\.ts$|test-helper\.ts$/.test(e.name) && !p.endsWith(path.join('accounts', 'model.ts')) ? [fs.readFileSync(p, 'utf8')] : [];
});

describe('permission policy', () => {
  it('has no unused permission: each is granted to a role and named by a check outside the table', () => {
    const code = sourcesOutsideTheTable(path.resolve('src')).join('\n');
    for (const permission of permissions) {
      expect(roles.some((r) => (rolePermissions[r] as readonly string[]).includes(permission)), `${permission} granted`).toBe(true);
      expect(code.includes(`'${permission}'`), `${permission} checked somewhere`).toBe(true);
    }
  });

  it('checks the scope when a resource is named', () => {
    const officer = actorWith('officer', { kind: 'agency', agencyId: 4, unitPath: '/82/' });
    expect(can(officer, 'dossiers.process', { unitPaths: ['/82/'], agencyIds: [4] })).toBe(true);
    expect(can(officer, 'dossiers.process', { unitPaths: ['/82/'], agencyIds: [5] })).toBe(false);
    expect(can(officer, 'dossiers.approve', { unitPaths: ['/82/'], agencyIds: [4] })).toBe(false);
    expect(can({ role: 'officer' }, 'dossiers.process', { unitPaths: ['/82/'], agencyIds: [4] })).toBe(false);
  });

  it('grants each role exactly the permissions of its table row', () => {
    for (const role of roles) {
      const actor = actorWith(role, { kind: 'none' });
      for (const permission of Object.values(rolePermissions).flat() as Permission[]) {
        expect(can(actor, permission)).toBe((rolePermissions[role] as readonly string[]).includes(permission));
      }
    }
  });

  it('a supervisor sees a unit exactly when it lies in the subtree of their own unit', () => {
    fc.assert(fc.property(pathArb, pathArb, (own, target) => {
      const actor = actorWith('supervisor', { kind: 'unit', unitId: 1, unitPath: own });
      expect(isWithinScope(actor, { unitPaths: [target] })).toBe(target.startsWith(own));
    }));
  });

  it('a sibling unit whose code starts with the same digits is not inside the scope', () => {
    const actor = actorWith('supervisor', { kind: 'unit', unitId: 1, unitPath: '/82/280/' });
    expect(isWithinScope(actor, { unitPaths: ['/82/2801/'] })).toBe(false);
    expect(isWithinScope(actor, { unitPaths: ['/82/280/28001/'] })).toBe(true);
  });

  it('clerks, officers and citizens see only their own service point, agency or personal ID', () => {
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), fc.stringMatching(/^[0-9]{12}$/), fc.stringMatching(/^[0-9]{12}$/), (own, other, pid, otherPid) => {
      const clerk = actorWith('clerk', { kind: 'servicePoint', servicePointId: own, unitPath: '/82/' });
      const officer = actorWith('officer', { kind: 'agency', agencyId: own, unitPath: '/82/' });
      const citizen = actorWith('citizen', { kind: 'self', personalId: pid });
      const target = { unitPaths: ['/82/'], servicePointIds: [other], agencyIds: [other], personalIds: [otherPid] };
      expect(isWithinScope(clerk, target)).toBe(own === other);
      expect(isWithinScope(officer, target)).toBe(own === other);
      expect(isWithinScope(citizen, target)).toBe(pid === otherPid);
    }));
  });
});
