// Routing by the catalogue's competent body on the demo province (issue 9 §1): police procedures
// go to the commune police, land to the department the catalogue names, place-tied procedures to
// the commune of the place, and an unresolvable body is refused. Due times follow the case chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import { situationsOfPapers } from '../catalog/situations';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import type { IntakeInput } from './model';
import { receiveDossier } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-03-02T09:00:00+07:00')); // Monday
let clerk: Actor;
const TAN_HONG = '29926'; // xã Tân Hồng, where the demo clerk's post office is
const LAP_VO = '30169'; // xã Lấp Vò

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9901, username: 'clerk-routing', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: `/82/${TAN_HONG}/` } };
}, 120_000);
afterAll(async () => { await t?.close(); });

async function inputFor(code: string, extra: Partial<IntakeInput> = {}): Promise<IntakeInput> {
  const p = await getProcedure(t.db, code, '2026-03-02');
  if (!p) throw new Error(`no procedure ${code}`);
  // a list by situation (catalog/situations.ts): its first situation and that situation's first paper
  const situation = situationsOfPapers(p.requiredPapers)[0];
  const ofSituation = p.requiredPapers.filter((r) => r.note === situation).slice(0, 1);
  return {
    procedureCode: code,
    applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: TAN_HONG },
    papers: [...p.requiredPapers.filter((r) => paperRequirement(r) === 'required'), ...ofSituation].map((r) => ({ key: r.key, source: 'scanned' as const })),
    ...(situation === undefined ? {} : { situation }),
    formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1, xã Tân Hồng' },
    ...extra,
  };
}

const agencyOf = async (code: string) => (await t.db.selectFrom('dossiers as d').innerJoin('agencies as a', 'a.id', 'd.competent_agency_id')
  .select(['a.identifier', 'a.name']).where('d.code', '=', code).executeTakeFirstOrThrow());

describe('competent agency from the catalogue\'s body and level', () => {
  const expectRoutedTo = async (code: string, identifier: string, agencyName: string) => {
    const r = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor(code));
    expect(r.competentAgency).toBe(identifier);
    expect((await agencyOf(r.code)).name).toBe(agencyName);
  };

  // đổi giấy phép lái xe, đăng ký tạm trú, đăng ký thường trú, khai báo tạm vắng, tách hộ, xác nhận thông tin về cư trú
  it.each(['3.000347', '1.004194', '1.004222', '1.003677', '1.010038', '1.010041'])('%s (police) → 058.00.20.H20 Công an xã Tân Hồng', async (code) => {
    await expectRoutedTo(code, '058.00.20.H20', 'Công an xã Tân Hồng');
  });

  it('1.001193 (Đăng ký khai sinh) → 000.58.61.H20 Ủy ban nhân dân xã Tân Hồng', async () => {
    await expectRoutedTo('1.001193', '000.58.61.H20', 'Ủy ban nhân dân xã Tân Hồng');
  });

  it('a procedure whose body the catalogue cannot name (3.000333, no agency published) is refused, nothing written', async () => {
    const before = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const e = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('3.000333')).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'COMPETENT_BODY_UNKNOWN', details: [{ path: 'procedureCode' }] });
    expect((e as Error).message).toMatch(/chưa ghi cơ quan có thẩm quyền/);
    const after = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('procedures tied to a place (DOMAIN §9.3.5)', () => {
  it('asks for the commune of the place: missing → 400 on placeUnitCode', async () => {
    const e = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.013225')).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'DOSSIER_INVALID' });
    expect((e as { details: { path: string }[] }).details.map((d) => d.path)).toContain('placeUnitCode');
  });

  it('construction permit 1.013225: applicant in Tân Hồng, works in Lấp Vò → UBND xã Lấp Vò (000.94.61.H20)', async () => {
    const r = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.013225', { placeUnitCode: LAP_VO }));
    expect(r.competentAgency).toBe('000.94.61.H20');
    const ev = await t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.payload').where('d.code', '=', r.code).executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ placeUnitId: expect.any(Number) });
  });

  it('land at province level 1.115778 → Sở Nông nghiệp và Môi trường (000.00.06.H20), place asked too', async () => {
    const r = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.115778', { placeUnitCode: LAP_VO }));
    expect(r.competentAgency).toBe('000.00.06.H20');
  });

  it('refuses a place for a procedure not tied to one, and an unknown place commune', async () => {
    const notTied = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.001193', { placeUnitCode: LAP_VO })).catch((x: unknown) => x);
    expect((notTied as { details: { path: string }[] }).details.map((d) => d.path)).toContain('placeUnitCode');
    const unknown = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.013225', { placeUnitCode: '99999' })).catch((x: unknown) => x);
    expect(unknown).toMatchObject({ code: 'APPLICANT_UNIT_NOT_FOUND', details: [{ path: 'placeUnitCode' }] });
  });
});

describe('due time from the chosen case', () => {
  it('certified copy 2.000815, same day: Mon 10:00 → Mon 17:00; after 15:00 → Tue 17:00', async () => {
    clock.set(new Date('2026-03-02T10:00:00+07:00'));
    const before = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('2.000815'));
    expect(before.dueAt).toBe(new Date('2026-03-02T17:00:00+07:00').toISOString());
    clock.set(new Date('2026-03-02T15:30:00+07:00'));
    const after = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('2.000815'));
    expect(after.dueAt).toBe(new Date('2026-03-03T17:00:00+07:00').toISOString());
  });

  it('2.000815 extended case (+2 working days): Fri 27 Feb 2026 10:00 → Tue 3 Mar 10:00', async () => {
    clock.set(new Date('2026-02-27T10:00:00+07:00'));
    const r = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('2.000815', { caseKey: '2.000815.keo-dai' }));
    expect(r.dueAt).toBe(new Date('2026-03-03T10:00:00+07:00').toISOString());
  });

  it('an unknown case is refused on caseKey', async () => {
    const e = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('2.000815', { caseKey: '2.000815.khong-co' })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'DOSSIER_INVALID' });
    expect((e as { details: { path: string; message: string }[] }).details.find((d) => d.path === 'caseKey')?.message).toMatch(/2.000815.trong-ngay/);
  });
});

const OWN_HOME = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';

describe('papers listed by situation (1.004222, catalog/national.ts situationsOf)', () => {
  it('receives a permanent-residence dossier with the papers of one situation: one\'s own home (CT01 + the home\'s proof)', async () => {
    clock.set(new Date('2026-03-02T10:30:00+07:00'));
    const r = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.004222', {
      situation: OWN_HOME, papers: [{ key: 'p15', source: 'paper', originals: 1 }, { key: 'p14', source: 'paper', originals: 1 }],
    }));
    expect(r.competentAgency).toBe('058.00.20.H20');
    const papers = await t.db.selectFrom('dossier_papers as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id').select('p.paper_key').where('d.code', '=', r.code).orderBy('p.paper_key').execute();
    expect(papers.map((p) => p.paper_key)).toEqual(['p14', 'p15']);
    // the situation the papers were checked against stays in the dossier's intake event
    const ev = await t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.payload').where('d.code', '=', r.code).where('e.seq', '=', 1).executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ situation: OWN_HOME });
  });

  // [what, situation, papers, code]: each refused with 400, its code and a message naming the situation and its papers, nothing written
  const refused: [string, string | undefined, string[], string][] = [
    ['without a situation, with no paper', undefined, [], 'SITUATION_REQUIRED'],
    ['without a situation, with the own-home papers', undefined, ['p14', 'p15'], 'SITUATION_REQUIRED'],
    ['with a situation not on the list', 'Ở nhà người quen', ['p15'], 'SITUATION_UNKNOWN'],
    ['own home with no paper of it', OWN_HOME, [], 'SITUATION_PAPER_MISSING'],
    ['own home with the rental contract only (p12)', OWN_HOME, ['p12'], 'SITUATION_PAPER_MISSING'],
  ];
  it.each(refused)('refuses a permanent-residence dossier %s', async (_, situation, keys, code) => {
    clock.set(new Date('2026-03-02T10:40:00+07:00'));
    const before = await t.db.selectFrom('dossiers').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { situation: chosen, ...input } = await inputFor('1.004222', { papers: keys.map((key) => ({ key, source: 'paper' as const, originals: 1 })) });
    expect(chosen).toBeDefined(); // inputFor's own choice, replaced by the row's
    const e = await receiveDossier({ db: t.db, clock, actor: clerk }, { ...input, ...(situation === undefined ? {} : { situation }) }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'ValidationFailed', code });
    const detail = (e as { details: { path: string; message: string; code?: string }[] }).details[0];
    expect(detail?.code).toBe(code);
    if (code === 'SITUATION_PAPER_MISSING') expect(detail?.message).toContain(`Trường hợp "${OWN_HOME}": thiếu giấy tờ của trường hợp này — cần ít nhất một trong: Văn bản xác nhận`);
    const after = await t.db.selectFrom('dossiers').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a situation for a list without situations (1.001193) and lists it among the other problems', async () => {
    const e = await receiveDossier({ db: t.db, clock, actor: clerk }, await inputFor('1.001193', { situation: 'Giấy tờ phải nộp' })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'SITUATION_NOT_APPLICABLE' });
    const { situation: _, ...noSituation } = await inputFor('1.004222', { applicant: { personalId: '12', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: TAN_HONG } });
    const two = await receiveDossier({ db: t.db, clock, actor: clerk }, noSituation).catch((x: unknown) => x);
    expect(two).toMatchObject({ code: 'DOSSIER_INVALID' });
    expect((two as { details: { path: string; code?: string }[] }).details.map((d) => d.code ?? d.path)).toEqual(['applicant.personalId', 'SITUATION_REQUIRED']);
  });
});
