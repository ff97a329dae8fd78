// Paper outcomes at the counter (issue 9 "Paper outcomes at the counter"): forms 02 and 03 create
// numbered records and no dossier code; the numbers are gap-free per service point, year and kind;
// each record is audited, printed, scoped, and counted by the dashboard.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp, type World } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { reportSummary } from '../reports/service';
import { outcomeProblems, type OutcomeInput } from './model';
import { registerCounterRoutes } from './routes';
import { getCounterOutcome, recordCounterOutcome } from './service';
import { saveActorAsUser } from '../../test/factories';

const { t, w, app } = useWorldApp((a) => registerCounterRoutes(a, { db: t.db, clock: w.clock }), '2026-12-07T09:30:00+07:00');

beforeAll(async () => {
  for (const who of ['clerk', 'otherClerk'] as const) await saveActorAsUser(t.db, w.actors[who], who === 'clerk' ? 'Trần Thị Thu' : 'Lê Văn Bình');
});

const person = { kind: 'person' as const, name: 'Nguyễn Văn An', personalId: '087090001234', phone: '0912345678', address: 'Ấp 1, xã Một' };
const input = (o: Partial<OutcomeInput> = {}): OutcomeInput => ({
  kind: 'incomplete', procedureCode: w.procedureCode, applicant: person, items: ['Giấy chứng sinh (bản chính)'], ...o,
});
const post = (who: keyof World['actors'] | null, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/counter-outcomes', headers: who ? { 'x-test-actor': who } : {}, payload: payload as object });

describe('paper outcomes at the counter', () => {
  it('form 02 and form 03 create numbered records, gap-free per service point, year and kind, and no dossier', async () => {
    const dossiersBefore = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const a = await post('clerk', input());
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'incomplete', number: '0001/PYCBS', year: 2026, printable: true, clerkName: 'Người clerk' });
    expect(a.json()).not.toHaveProperty('code');
    expect((await post('clerk', input())).json().number).toBe('0002/PYCBS');
    const refused = await post('clerk', input({ kind: 'refused', items: ['Thủ tục không thuộc thẩm quyền tiếp nhận của Bưu điện xã'] }));
    expect(refused.json().number).toBe('0001/TCTN');
    // another service point counts from 1
    expect((await post('otherClerk', input())).json().number).toBe('0001/PYCBS');
    // a refused request takes no number: the next one is still 0003
    expect((await post('clerk', input({ items: [] }))).statusCode).toBe(400);
    expect((await post('clerk', input())).json().number).toBe('0003/PYCBS');
    const dossiersAfter = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(dossiersAfter.n).toBe(dossiersBefore.n);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_key']).where('entity', '=', 'counter_outcome').orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['counter.incomplete', 'counter.incomplete', 'counter.refused', 'counter.incomplete', 'counter.incomplete']);
  });

  it('numbers restart with the year in Vietnam time', async () => {
    const clock = w.clock;
    const before = clock.now();
    clock.set(new Date('2026-12-31T16:59:00Z')); // 31/12 23:59 in Vietnam
    const last = await recordCounterOutcome(w.ctx(w.actors.clerk), input({ kind: 'guidance', items: ['Hướng dẫn thành phần hồ sơ'] }));
    clock.set(new Date('2026-12-31T17:01:00Z')); // 01/01/2027 00:01 in Vietnam
    const first = await recordCounterOutcome(w.ctx(w.actors.clerk), input({ kind: 'guidance', items: [] }));
    expect([last.year, last.number, first.year, first.number]).toEqual([2026, '0001/HD', 2027, '0001/HD']);
    expect(first.printable).toBe(false);
    clock.set(before);
  });

  it('says who is who: an organisation with its tax code and representative, someone filing for another', async () => {
    const org = await recordCounterOutcome(w.ctx(w.actors.clerk), input({
      applicant: { kind: 'organisation', name: 'Công ty TNHH Sen Hồng', taxCode: '1401234568', representative: 'Võ Thị Hoa', phone: '0277123456' },
    }));
    expect(org.applicantLine).toBe('Công ty TNHH Sen Hồng (MST 1401234568), người đại diện: Võ Thị Hoa');
    const proxy = await recordCounterOutcome(w.ctx(w.actors.clerk), input({
      kind: 'refused', items: ['Giấy ủy quyền không có chứng thực'],
      applicant: { kind: 'proxy', name: 'Trần Văn Tư', principal: 'Nguyễn Thị Năm', authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026' },
    }));
    expect(proxy.applicantLine).toBe('Trần Văn Tư, nộp thay cho Nguyễn Thị Năm theo Giấy ủy quyền số 12/UQ ngày 01/12/2026');
    expect(outcomeProblems(input({ applicant: { kind: 'organisation', name: 'Công ty X', taxCode: '12345' } })).map((p) => p.path))
      .toEqual(['applicant.taxCode', 'applicant.representative']);
    expect(outcomeProblems(input({ applicant: { kind: 'proxy', name: 'A' } })).map((p) => p.path)).toEqual(['applicant.principal', 'applicant.authorisation']);
  });

  it('prints form 02 and form 03 with their number and no dossier code; guidance has no form', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/v1/counter-outcomes?from=2026-12-07&to=2026-12-07', headers: { 'x-test-actor': 'clerk' } })).json().items as { id: number; kind: string; number: string }[];
    const supplement = list.find((o) => o.kind === 'incomplete');
    const refusal = list.find((o) => o.kind === 'refused');
    for (const o of [supplement, refusal]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/counter-outcomes/${o?.id}/slip.pdf`, headers: { 'x-test-actor': 'clerk' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const doc = await PDFDocument.load(res.rawPayload);
      expect(doc.getTitle()).toContain(`Số ${o?.number}`);
      expect(doc.getTitle()).not.toContain('Mã hồ sơ');
    }
    const guidance = (await t.db.selectFrom('counter_outcomes').select('id').where('kind', '=', 'guidance').executeTakeFirstOrThrow()).id;
    expect((await app.inject({ method: 'GET', url: `/api/v1/counter-outcomes/${guidance}/slip.pdf`, headers: { 'x-test-actor': 'clerk' } })).statusCode).toBe(409);
  });

  it('is read only within scope: another service point gets 404, a citizen 403', async () => {
    const mine = await recordCounterOutcome(w.ctx(w.actors.clerk), input());
    await expect(getCounterOutcome(w.ctx(w.actors.otherClerk), mine.id)).rejects.toMatchObject({ code: 'COUNTER_OUTCOME_NOT_FOUND' });
    await expect(getCounterOutcome(w.ctx(w.actors.supervisor), mine.id)).resolves.toMatchObject({ number: mine.number });
    await expect(getCounterOutcome(w.ctx(w.actors.otherSupervisor), mine.id)).rejects.toMatchObject({ code: 'COUNTER_OUTCOME_NOT_FOUND' });
    expect((await post('citizen', input())).statusCode).toBe(403);
    expect((await post('officer', input())).statusCode).toBe(403);
    expect((await post(null, input())).statusCode).toBe(401);
    expect((await post('clerk', input({ procedureCode: '9.999999' }))).statusCode).toBe(400);
  });

  it('the dashboard counts guidance, incomplete and refused at the counter', async () => {
    const day = { from: '2026-12-07', to: '2026-12-07' };
    const rows = await t.db.selectFrom('counter_outcomes').select(['kind', 'service_point_id', 'at']).execute();
    const inDay = rows.filter((r) => r.at < new Date('2026-12-07T17:00:00Z'));
    const expected = (kind: string) => inDay.filter((r) => r.kind === kind).length;
    const s = await reportSummary(w.ctx(w.actors.supervisor as Actor), day);
    expect(s.counterOutcomes).toEqual({ guidance: expected('guidance'), incomplete: expected('incomplete'), refused: expected('refused') });
    expect(s.counterOutcomes.incomplete).toBeGreaterThanOrEqual(5);
    const other = await reportSummary(w.ctx(w.actors.otherSupervisor as Actor), day);
    expect(other.counterOutcomes).toEqual({ guidance: 0, incomplete: 0, refused: 0 });
  });
});
