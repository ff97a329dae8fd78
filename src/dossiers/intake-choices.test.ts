// What the applicant chooses at the counter beside the procedure and papers (issue 9): how the result
// comes back (form 01 item 6), through the HTTP route, into the dossier, its intake event, form 01
// and public tracking (without the address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierSlip } from '../forms/service';
import type { HttpApp } from '../platform/http/server';
import { registerTrackingRoutes } from '../tracking/routes';
import { trackingPinFor } from '../tracking/references';
import { createTestApp } from '../../test/http';
import { registerDossierRoutes } from './routes';
import { useWorld, type World } from './world.test-helper';

const { t, w } = useWorld();
let app: HttpApp;
beforeAll(async () => {
  app = await createTestApp((who) => (who in w.actors ? w.actors[who as keyof World['actors']] : null), (a) => {
    registerDossierRoutes(a, { db: t.db, clock: w.clock, hooks: [] });
    registerTrackingRoutes(a, { db: t.db, clock: w.clock, trackRateLimit: 10_000 });
  });
});
afterAll(() => app?.close());

type Who = keyof World['actors'];
const post = (who: Who, payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { 'x-test-actor': who }, payload: payload as object });
const get = (url: string, who: Who | null) => app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });
const countDossiers = async () => Number((await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the result-delivery method at intake', () => {
  it('records delivery by post with its address: dossier, event, form 01, tracking without the address', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const address = 'Số 12, ấp Mỹ Phú, xã Mỹ Tân, tỉnh Đồng Tháp';
    const res = await post('clerk', { ...w.intake(), delivery: { method: 'post', address } });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    const d = (await get(`/api/v1/dossiers/${code}`, 'clerk')).json();
    expect(d.delivery).toEqual({ method: 'post', address });
    expect(d.timeline[0].payload.delivery).toEqual({ method: 'post', address });
    const slip = await dossierSlip({ ...w.ctx(w.actors.clerk), publicUrl: 'https://motcua.example.vn/' }, code, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    expect(slip.data.resultDelivery).toEqual({ method: 'post', text: address });
    const pin = await trackingPinFor(t.db, code);
    const tracked = await get(`/api/v1/track/${code}?pin=${pin}`, null);
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.json().deliveryMethod).toBe('post');
    expect(tracked.body).not.toContain('Mỹ Phú');
  });

  it('records the counter by default and online when chosen; form 01 says where', async () => {
    const counter = (await post('clerk', w.intake())).json() as { code: string };
    expect((await get(`/api/v1/dossiers/${counter.code}`, 'clerk')).json().delivery).toEqual({ method: 'counter', address: null });
    const online = await post('clerk', { ...w.intake(), delivery: { method: 'online' } });
    expect(online.statusCode).toBe(201);
    const slip = await dossierSlip({ ...w.ctx(w.actors.clerk), publicUrl: 'https://motcua.example.vn/' }, (online.json() as { code: string }).code, 'receipt');
    expect(slip.data).toMatchObject({ resultDelivery: { method: 'online', text: '' } });
  });

  it.each([
    ['by post without an address', { method: 'post' }, 'DOSSIER_INVALID', 'delivery.address'],
    ['an address with the counter', { method: 'counter', address: 'Số 1, ấp Một' }, 'DOSSIER_INVALID', 'delivery.address'],
    ['an unknown method', { method: 'fax' }, 'VALIDATION_FAILED', null],
    ['an unknown field', { method: 'post', address: 'Số 1, ấp Một', phone: '0912' }, 'VALIDATION_FAILED', null],
  ])('refuses %s: 400 with a Vietnamese message, nothing written', async (_name, delivery, code, path) => {
    const before = await countDossiers();
    const res = await post('clerk', { ...w.intake(), delivery });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { code: string; message: string; details?: { path?: string; message: string }[] };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[àáảãạăâđêôơưệếềộờởữ]/i);
    if (path) expect(error.details?.some((p) => p.path === path && /[ạảấầậ]/.test(p.message))).toBe(true);
    else expect(JSON.stringify(error)).not.toMatch(/must be equal|must NOT have|pattern/);
    expect(await countDossiers()).toBe(before);
  });
});
