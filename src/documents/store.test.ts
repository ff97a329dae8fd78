// The applicant's document store on the real database, through the routes: consent at intake,
// digitized papers entering the store in the intake statement, the store offered to the clerk for
// a procedure, reuse at intake linked to the source, refusals (400, nothing written), the citizen's
// own view and consent on the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDossierRoutes } from '../dossiers/routes';
import { performAction } from '../dossiers/service';
import type { HttpApp } from '../platform/http/server';
import { rollupHook } from '../reports/hook';
import { createTestApp } from '../../test/http';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { reusedPapersCheck } from './store';
import { storeHook } from './store-hook';
import { registerStoreRoutes } from './store-routes';
import { STORE_CONSENT_PURPOSE } from './store-model';

const { t, w } = useWorld();
let app: HttpApp;
const hooks = [storeHook, rollupHook];
beforeAll(async () => {
  app = await createTestApp((who) => (who in w.actors ? w.actors[who as keyof World['actors']] : null), (a) => {
    registerDossierRoutes(a, { db: t.db, clock: w.clock, hooks, intakeChecks: [reusedPapersCheck] });
    registerStoreRoutes(a, { db: t.db, clock: w.clock });
  });
});
afterAll(() => app?.close());

type Who = keyof World['actors'];
const post = (who: Who, payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { 'x-test-actor': who }, payload: payload as object });
const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, who: Who) => app.inject({ method, url, headers: { 'x-test-actor': who } });
const AN = '087090001234';
const BINH = '087090005678';
const storeRows = (holder: string) => t.db.selectFrom('store_documents').selectAll().where('holder_id', '=', holder).orderBy('id').execute();
const count = async (table: 'dossiers' | 'store_documents' | 'store_consents') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the document store', () => {
  it('keeps nothing without consent; the clerk is offered nothing', async () => {
    w.clock.set(new Date('2026-03-02T08:30:00+07:00'));
    const res = await post('clerk', w.intake({ personalId: BINH, papers: [{ key: 'p1', source: 'scanned', fileId: 501 }, { key: 'p2', source: 'scanned', fileId: 502 }] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(await storeRows(BINH)).toEqual([]);
    const store = await call('GET', `/api/v1/documents/store?personalId=${BINH}&procedure=${w.procedureCode}`, 'clerk');
    expect(store.statusCode, store.body).toBe(200);
    expect(store.json()).toEqual({ holder: { kind: 'person', id: BINH }, consent: null, documents: [], held: [] });
  });

  let birthNoticeId = 0;
  it('records consent at the counter with time and purpose, and the scanned papers enter the store in the intake', async () => {
    w.clock.set(new Date('2026-03-02T09:15:00+07:00'));
    const res = await post('clerk', { ...w.intake({ papers: [{ key: 'p1', source: 'scanned', fileId: 511 }, { key: 'p2', source: 'scanned', fileId: 512 }, { key: 'p3', source: 'paper' }] }), storeConsent: true });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    const consent = await t.db.selectFrom('store_consents').selectAll().where('holder_id', '=', AN).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ holder_kind: 'person', purpose: STORE_CONSENT_PURPOSE, given_via: 'counter', dossier_code: code, recorded_by: w.actors.clerk.userId, withdrawn_at: null });
    expect(consent.given_at.toISOString()).toBe('2026-03-02T02:15:00.000Z');
    const rows = await storeRows(AN);
    expect(rows.map((r) => [r.paper_key, r.doc_type, r.file_id, r.source_kind, r.source_dossier_code])).toEqual([
      ['p1', null, 511, 'digitized', code],
      ['p2', 'birthNotice', 512, 'digitized', code],
    ]);
    birthNoticeId = rows[1]?.id ?? 0;
    const store = (await call('GET', `/api/v1/documents/store?personalId=${AN}&procedure=${w.procedureCode}`, 'clerk')).json();
    expect(store.consent).toEqual({ givenAt: '2026-03-02T02:15:00.000Z', purpose: STORE_CONSENT_PURPOSE, givenVia: 'counter' });
    expect(store.documents.map((d: { title: string; reusable: boolean; notReusable: string | null }) => [d.title, d.reusable, d.notReusable])).toEqual([
      ['Giấy chứng sinh', true, null],
      ['Tờ khai đăng ký khai sinh', false, 'oneDossierOnly'],
    ]);
    expect(store.held).toEqual([{ paperKey: 'p2', paperName: 'Giấy chứng sinh', documentIds: [birthNoticeId] }]);
  });

  it('reuses a stored paper at intake: source reused, its file, linked to the stored document, counted for 4.2 and 4.3', async () => {
    w.clock.set(new Date('2026-03-03T10:00:00+07:00'));
    const res = await post('clerk', w.intake({ papers: [{ key: 'p1', source: 'scanned', fileId: 521 }, { key: 'p2', source: 'reused', reusedDocumentId: birthNoticeId }] }));
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    const dossier = await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const papers = await t.db.selectFrom('dossier_papers').select(['paper_key', 'source', 'file_id', 'digitized', 'reused_document_id']).where('dossier_id', '=', dossier.id).orderBy('id').execute();
    expect(papers).toEqual([
      { paper_key: 'p1', source: 'scanned', file_id: 521, digitized: true, reused_document_id: null },
      { paper_key: 'p2', source: 'reused', file_id: 512, digitized: true, reused_document_id: birthNoticeId },
    ]);
    const event = await t.db.selectFrom('dossier_events').select('payload').where('dossier_id', '=', dossier.id).where('seq', '=', 1).executeTakeFirstOrThrow();
    expect((event.payload.papers as unknown[])[1]).toMatchObject({ key: 'p2', source: 'reused', fileId: 512, reusedDocumentId: birthNoticeId });
    // the reused paper does not enter the store a second time; the new scan does
    expect((await storeRows(AN)).filter((r) => r.source_dossier_code === code).map((r) => r.paper_key)).toEqual(['p1']);
    const day = await t.db.selectFrom('stats_daily').select((eb) => [eb.fn.sum<number>('digitized').as('digitized'), eb.fn.sum<number>('reused').as('reused'), eb.fn.sum<number>('store_linked').as('linked')])
      .where('day', '=', '2026-03-03').executeTakeFirstOrThrow();
    expect([Number(day.digitized), Number(day.reused), Number(day.linked)]).toEqual([1, 1, 0]);
  });

  it.each([
    ['another person\'s document', (id: number) => w.intake({ personalId: BINH, papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'reused', reusedDocumentId: id }] }), 'papers/1/reusedDocumentId', /Không tìm thấy giấy tờ này/],
    ['a document that does not exist', () => w.intake({ papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'reused', reusedDocumentId: 999_999 }] }), 'papers/1/reusedDocumentId', /Không tìm thấy/],
    ['a reused paper without its document', () => w.intake({ papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'reused' }] }), 'papers/1/reusedDocumentId', /chỉ rõ giấy tờ nào/],
    ['a stored document named for a scanned paper', (id: number) => w.intake({ papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned', reusedDocumentId: id }] }), 'papers/1/reusedDocumentId', /nguồn "reused"/],
    ['the birth notice for the declaration form', (id: number) => w.intake({ papers: [{ key: 'p1', source: 'reused', reusedDocumentId: id }, { key: 'p2', source: 'scanned' }] }), 'papers/0/reusedDocumentId', /không dùng thay được/],
  ])('refuses %s: 400 DOSSIER_INVALID in Vietnamese, nothing written', async (_n, body, path, message) => {
    const before = [await count('dossiers'), await count('store_documents')];
    const res = await post('clerk', body(birthNoticeId));
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { code: string; details: { path: string; message: string }[] };
    expect(error.code).toBe('DOSSIER_INVALID');
    expect(error.details.find((d) => d.path === path)?.message).toMatch(message);
    expect([await count('dossiers'), await count('store_documents')]).toEqual(before);
  });

  it('the citizen sees only what they filed themselves; their online papers enter the store when the dossier is accepted', async () => {
    w.clock.set(new Date('2026-03-04T08:00:00+07:00'));
    const mine = await call('GET', `/api/v1/documents/store?personalId=${AN}`, 'citizen');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().documents).toEqual([]); // the clerk filed the others (no personal ID is marked verified)
    const online = await post('citizen', { ...w.intake({ papers: [{ key: 'p1', source: 'uploaded', fileId: 531 }, { key: 'p2', source: 'uploaded', fileId: 532 }] }), channel: 'online' });
    expect(online.statusCode, online.body).toBe(201);
    const { code } = online.json() as { code: string };
    expect((await storeRows(AN)).filter((r) => r.source_dossier_code === code)).toEqual([]);
    await performAction({ ...w.ctx(w.actors.communeClerk), hooks }, code, 'receive');
    const after = (await call('GET', `/api/v1/documents/store?personalId=${AN}`, 'citizen')).json();
    expect(after.documents.map((d: { title: string; sourceDossierCode: string }) => [d.title, d.sourceDossierCode])).toEqual([
      ['Giấy chứng sinh', code], ['Tờ khai đăng ký khai sinh', code],
    ]);
    expect((await call('GET', `/api/v1/documents/store?personalId=${BINH}`, 'citizen')).statusCode).toBe(404);
  });

  it('the citizen withdraws consent on the portal: the clerk is offered nothing, reuse is refused; consenting again records a new time', async () => {
    w.clock.set(new Date('2026-03-05T14:00:00+07:00'));
    const withdrawn = await call('DELETE', '/api/v1/documents/store/consent', 'citizen');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toEqual({ withdrawnAt: '2026-03-05T07:00:00.000Z' });
    expect((await call('DELETE', '/api/v1/documents/store/consent', 'citizen')).json().error.code).toBe('NO_CONSENT');
    expect((await call('GET', `/api/v1/documents/store?personalId=${AN}`, 'clerk')).json().documents).toEqual([]);
    const refused = await post('clerk', w.intake({ papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'reused', reusedDocumentId: birthNoticeId }] }));
    expect(refused.json().error.details[0].message).toMatch(/chưa đồng ý/);
    w.clock.set(new Date('2026-03-06T09:00:00+07:00'));
    const again = await call('PUT', '/api/v1/documents/store/consent', 'citizen');
    expect(again.json()).toEqual({ givenAt: '2026-03-06T02:00:00.000Z', purpose: STORE_CONSENT_PURPOSE, givenVia: 'portal' });
    expect((await call('PUT', '/api/v1/documents/store/consent', 'citizen')).json().givenAt).toBe('2026-03-06T02:00:00.000Z');
    expect(await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'store_consent').orderBy('id').execute()).toEqual([{ action: 'store.consentWithdrawn' }, { action: 'store.consent' }]);
  });

  it('refuses those who neither receive dossiers nor are the holder, and bad queries, in Vietnamese', async () => {
    expect((await call('GET', `/api/v1/documents/store?personalId=${AN}`, 'officer')).statusCode).toBe(403);
    expect((await call('PUT', '/api/v1/documents/store/consent', 'clerk')).statusCode).toBe(403);
    const none = await call('GET', '/api/v1/documents/store', 'clerk');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/định danh/);
    expect((await call('GET', '/api/v1/documents/store?personalId=12345', 'clerk')).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/documents/store?personalId=${AN}&procedure=9.999999`, 'clerk')).statusCode).toBeLessThan(500);
  });
});
