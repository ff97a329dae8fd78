// The postal routes over HTTP: a pickup asked for and tracked publicly, 4xx with Vietnamese
// messages for bad input (nothing written), and intake no longer taking a receipt time from a client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpApp } from '../platform/http/server';
import { registerDossierRoutes } from '../dossiers/routes';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { createTestApp } from '../../test/http';
import { registerPostalRoutes } from './routes';
import { formatTrackingNumber } from './tracking-number';
import { useTempFiles } from './files.test-helper';

const { t, w } = useWorld('2026-03-02T07:00:00+07:00');
const files = useTempFiles();
let app: HttpApp;
beforeAll(async () => {
  app = await createTestApp((who) => (who in w.actors ? w.actors[who as keyof World['actors']] : null), (a) => {
    registerDossierRoutes(a, { db: t.db, clock: w.clock, hooks: [] });
    registerPostalRoutes(a, { db: t.db, clock: w.clock, hooks: [], trackRateLimit: 10_000, publicUrl: 'https://motcua.example', files });
  });
});
afterAll(() => app?.close());

type Who = keyof World['actors'];
const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who | null, payload?: unknown) =>
  app.inject({ method, url, headers: who ? { 'x-test-actor': who } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const pickup = () => ({
  procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone: '0912345678', personalId: '087090001234' },
  address: 'Số 12 đường Lê Lợi, ấp 3', communeCode: w.commune.code, windowFrom: '2026-03-02T14:00:00+07:00', windowTo: '2026-03-02T16:00:00+07:00',
});

describe('postal routes', () => {
  it('asks for a pickup (201), shows it to the clerk and the citizen, tracks it publicly without personal data', async () => {
    const res = await call('POST', '/api/v1/postal/pickups', 'clerk', pickup());
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as { id: number; legs: { trackingNumber: string; status: string }[] };
    expect(s.legs[0]?.status).toBe('requested');
    const n = s.legs[0]?.trackingNumber ?? '';
    expect((await call('GET', `/api/v1/postal/shipments/${s.id}`, 'citizen')).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/postal/shipments/${s.id}`, 'otherClerk')).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/postal/shipments/${s.id}`, 'officer')).statusCode).toBe(403);
    const list = await call('GET', '/api/v1/postal/shipments?legStatus=requested', 'courier');
    expect((list.json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(s.id);
    const tracked = await call('GET', `/api/v1/public/postal/${n}`, null);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ trackingNumber: n, status: 'requested', statusLabel: 'Đã yêu cầu' });
    expect(tracked.body).not.toMatch(/Nguyễn|0912345678|087090001234|Lê Lợi/);
    // one wrong digit: the check digit catches it, and an unknown valid number is the same 404
    const typo = `${n.slice(0, 5)}${(Number(n[5]) + 1) % 10}${n.slice(6)}`;
    expect((await call('GET', `/api/v1/public/postal/${typo}`, null)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/public/postal/${formatTrackingNumber(99_999_998)}`, null)).json().error.code).toBe('TRACKING_NUMBER_NOT_FOUND');
    // the courier takes it and fills the draft with the ID card's QR: what is missing is listed
    expect((await call('POST', `/api/v1/postal/legs/${n}/assign`, 'courier', {})).statusCode).toBe(200);
    const draft = await call('PUT', `/api/v1/postal/shipments/${s.id}/draft`, 'courier', { idCardQr: '087090001234||NGUYỄN VĂN AN|15061990|Nam|Ấp 3|01022022' });
    expect(draft.statusCode, draft.body).toBe(200);
    const heavy = await call('PUT', `/api/v1/postal/shipments/${s.id}/draft`, 'courier', { weightGrams: 30_001 });
    expect(heavy.statusCode).toBe(400);
    expect(heavy.json().error).toMatchObject({ code: 'WEIGHT_OUT_OF_RANGE', message: expect.stringMatching(/gam/) });
    const noCase = await call('PUT', `/api/v1/postal/shipments/${s.id}/draft`, 'courier', { caseKey: 'khong-co' });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().error.code).toBe('CASE_UNKNOWN');
    const paths = (draft.json() as { problems: { path?: string }[] }).problems.map((p) => p.path ?? '');
    expect(paths).toContain('papers');
    expect(paths).toContain('weightGrams');
    expect(paths.some((p) => p.startsWith('/formData'))).toBe(true);
  });

  it('answers bad input with 4xx and a Vietnamese message, writing nothing', async () => {
    const before = await w.db.selectFrom('postal_shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const badCommune = await call('POST', '/api/v1/postal/pickups', 'clerk', { ...pickup(), communeCode: '99999999' });
    expect(badCommune.statusCode).toBe(400);
    expect(badCommune.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'communeCode' })]));
    const noWindow = await call('POST', '/api/v1/postal/pickups', 'clerk', { ...pickup(), windowFrom: 'sáng mai' });
    expect(noWindow.statusCode).toBe(400);
    const citizenNoPoint = await call('POST', '/api/v1/postal/pickups', 'citizen', pickup());
    expect(citizenNoPoint.statusCode).toBe(400);
    expect(citizenNoPoint.json().error.message).toMatch(/bưu cục/);
    const badQr = await call('PUT', '/api/v1/postal/shipments/1/draft', 'courier', { idCardQr: 'không phải mã' });
    expect([400, 404]).toContain(badQr.statusCode);
    const after = await w.db.selectFrom('postal_shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('takes no receipt time from an HTTP client: POST /dossiers refuses handoverSignedAt', async () => {
    const res = await call('POST', '/api/v1/dossiers', 'courier', { ...w.intake(), channel: 'postal', handoverSignedAt: '2026-02-01T08:00:00+07:00' });
    expect(res.statusCode).toBe(400);
    // without it a courier's postal intake is received at the server's now
    const now = await call('POST', '/api/v1/dossiers', 'courier', { ...w.intake(), channel: 'postal' });
    expect(now.statusCode, now.body).toBe(201);
    expect(now.json().receivedAt).toBe(w.clock.now().toISOString());
  });
});
