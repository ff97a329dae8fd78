// The applicant's consent to keep their digitized papers in their document store (DOMAIN §10.3) at
// the bundle's intake, recorded as the single intake records it: the birth bundle 2.002621 received
// at Bưu điện văn hóa xã Tân Hồng on Tue 02/06/2026 09:00 — one consent row (given at the counter, the
// first member's code), the scanned papers of the started members enter the store in the intake, the
// waiting residence member's when the birth result starts it (a paper name over the store's 1000
// characters cut, not a failed result); without the box ticked, nothing is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { closeAll, createTestApp } from '../../test/http';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import { storeHook } from '../documents/store-hook';
import { STORE_CONSENT_PURPOSE } from '../documents/store-model';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { performAction } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { seedDemo } from '../seed';
import { bundleHook } from './hook';
import { registerBundleRoutes } from './routes';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2026-06-02T09:00:00+07:00')); // Tuesday
const hooks: DossierHook[] = [storeHook];
hooks.push(bundleHook({ hooks: () => hooks }));
let clerk: Actor;
let officer: Actor;
let approver: Actor;
const ctx = (a: Actor): DossierContext => ({ db: t.db, clock, actor: a, hooks });

async function staffOf(identifier: string, role: 'officer' | 'approver'): Promise<Actor> {
  const a = await t.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').select(['a.id', 'u.path'])
    .where('a.identifier', '=', identifier).orderBy('a.valid_from', 'desc').executeTakeFirstOrThrow();
  const username = `${role}-${identifier}-s`;
  const row = await makeAgencyStaff(t.db, { username, fullName: username, role, agencyId: a.id, unitPath: a.path });
  return { userId: row.id, username, fullName: username, role, scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
}

/** Each member's required papers — and for a list by situation (1.004222) its first situation's — scanned, with file ids from `firstFileId` on. */
async function scanned(firstFileId: number) {
  let id = firstFileId;
  const papers: Record<string, { key: string; source: 'scanned'; fileId: number }[]> = {};
  for (const [key, procedure] of [['birth', '1.001193'], ['residence', '1.004222'], ['healthInsurance', '2.002621.BHYT']] as const) {
    const p = await getProcedure(t.db, procedure, '2026-06-02');
    const rows = p?.requiredPapers ?? [];
    const situation = rows.find((r) => paperRequirement(r) === 'conditional')?.note ?? null;
    papers[key] = rows.filter((r) => paperRequirement(r) === 'required' || (situation !== null && r.note === situation)).map((r) => ({ key: r.key, source: 'scanned', fileId: id++ }));
  }
  return papers;
}

const receive = async (personalId: string, name: string, firstFileId: number, consent: boolean) => {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/bundles', headers: { 'x-test-actor': 'clerk' },
    payload: {
      bundleCode: '2.002621', applicant: { personalId, name, phone: '0913000444', unitCode: '29926' },
      formData: { fullName: name, personalId, address: 'ấp 2, xã Tân Hồng', subjectFullName: 'Lê Văn Tèo', eventDate: '2026-05-30', residenceAddress: 'ấp 2, xã Tân Hồng' },
      papers: await scanned(firstFileId), ...(consent ? { storeConsent: true } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return Object.fromEntries((res.json() as { members: { key: string; code: string }[] }).members.map((m) => [m.key, m.code])) as Record<'birth' | 'residence' | 'healthInsurance', string>;
};
const stored = (holder: string) => t.db.selectFrom('store_documents').select(['source_dossier_code', 'file_id']).where('holder_id', '=', holder).orderBy('file_id').execute();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9941, username: 'clerk-consent', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  officer = await staffOf('000.58.61.H20', 'officer');
  approver = await staffOf('000.58.61.H20', 'approver');
  app = await createTestApp((who) => ({ clerk } as Record<string, Actor>)[who], (a) => registerBundleRoutes(a, { db: t.db, clock, hooks }));
}, 180_000);
afterAll(async () => { await closeAll(app, t); });

describe('store consent at the bundle intake', () => {
  it('records the consent once and keeps the scanned papers, the waiting member\'s when it starts', async () => {
    const holder = '087090007777';
    const code = await receive(holder, 'Trần Thị Lan', 7001, true);
    const consents = await t.db.selectFrom('store_consents').selectAll().where('holder_id', '=', holder).execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ holder_kind: 'person', purpose: STORE_CONSENT_PURPOSE, given_via: 'counter', dossier_code: code.birth, recorded_by: clerk.userId, withdrawn_at: null });
    expect(consents[0]?.given_at.toISOString()).toBe('2026-06-02T02:00:00.000Z');
    const atIntake = new Set((await stored(holder)).map((r) => r.source_dossier_code));
    expect([...atIntake].sort()).toEqual([code.birth, code.healthInsurance].sort());
    // the birth result starts the residence member: its papers enter the store then
    await performAction(ctx(clerk), code.birth, 'forward', {});
    await performAction(ctx(approver), code.birth, 'approve', {});
    await performAction(ctx(officer), code.birth, 'markResultReady', { resultNumber: '91/2026' });
    expect(new Set((await stored(holder)).map((r) => r.source_dossier_code))).toEqual(new Set([code.birth, code.healthInsurance, code.residence]));
    // 1.004222's paper of 1029 characters is kept under a title cut to the store's 1000 (it once failed the birth result: 500)
    const titles = await t.db.selectFrom('store_documents').select('title').where('holder_id', '=', holder).where('source_dossier_code', '=', code.residence).execute();
    expect(titles.some((r) => r.title.length === 1000 && r.title.endsWith('…'))).toBe(true);
  });

  it('keeps nothing without the consent', async () => {
    const holder = '087090006666';
    await receive(holder, 'Võ Văn Nam', 7101, false);
    expect(await t.db.selectFrom('store_consents').select('id').where('holder_id', '=', holder).execute()).toEqual([]);
    expect(await stored(holder)).toEqual([]);
  });
});
