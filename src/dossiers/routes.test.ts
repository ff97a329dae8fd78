import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackingPinFor } from '../tracking/references';
import { registerSupervisionRoutes } from '../supervision/routes';
import { registerTrackingRoutes } from '../tracking/routes';
import { registerDossierRoutes } from './routes';
import { actions } from './lifecycle';
import { useWorldApp, type World } from './world.test-helper';

const { t, w, app } = useWorldApp((a) => {
  registerDossierRoutes(a, { db: t.db, clock: w.clock, hooks: [] });
  registerTrackingRoutes(a, { db: t.db, clock: w.clock, trackRateLimit: 10_000 });
  registerSupervisionRoutes(a, { db: t.db, clock: w.clock });
});

type Who = keyof World['actors'];
const call = (method: 'GET' | 'POST', url: string, who: Who | null, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { ...(who ? { 'x-test-actor': who } : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('dossier routes', () => {
  it('receives with an Idempotency-Key, replays the same request, refuses the key with another body', async () => {
    const body = w.intake();
    const first = await call('POST', '/api/v1/dossiers', 'clerk', body, { 'idempotency-key': 'route-key-0001' });
    expect(first.statusCode).toBe(201);
    const again = await call('POST', '/api/v1/dossiers', 'clerk', body, { 'idempotency-key': 'route-key-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.json().code).toBe(first.json().code);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await call('POST', '/api/v1/dossiers', 'clerk', { ...body, formData: { ...body.formData, gender: 'Nữ' } }, { 'idempotency-key': 'route-key-0001' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('walks a dossier through its actions and shows it', async () => {
    const { code } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake())).json() as { code: string };
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/forward`, 'clerk', {})).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/approve`, 'approver')).statusCode).toBe(200);
    const refused = await call('POST', `/api/v1/dossiers/${code}/actions/approve`, 'officer', {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACTION_NOT_ALLOWED_FOR_ROLE');
    const invalid = await call('POST', `/api/v1/dossiers/${code}/actions/return`, 'clerk', { channel: 'counter', signature: { name: 'A', signedAt: '2026-03-02T09:00:00+07:00' } });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().error.code).toBe('INVALID_TRANSITION');
    const detail = await call('GET', `/api/v1/dossiers/${code}`, 'officer');
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ code, status: 'processing', allowedActions: expect.arrayContaining(['markResultReady']) });
    expect((await call('GET', `/api/v1/dossiers/${code}`, 'otherOfficer')).statusCode).toBe(404);
    const queue = await call('GET', '/api/v1/queue', 'officer');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect((await call('GET', '/api/v1/dossiers?name=nguyen%20van%20an', 'supervisor')).json().total).toBeGreaterThan(0);
  });

  it('public tracking lists what to supplement and by when while a supplement is awaited, nothing personal', async () => {
    const { code } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake({ name: 'Trần Thị Bích' }))).json() as { code: string };
    const pin = await trackingPinFor(t.db, code);
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/forward`, 'clerk', {})).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/track/${code}?pin=${pin}`, null)).json().supplement).toBeNull();
    const asked = await call('POST', `/api/v1/dossiers/${code}/actions/requestSupplement`, 'officer', {
      reason: 'Bà Trần Thị Bích thiếu giấy tờ', items: ['Giấy chứng sinh (bản chính)', 'Tờ khai có chữ ký'], supplementDueAt: '2026-03-09T17:00:00+07:00',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const tracked = await call('GET', `/api/v1/track/${code}?pin=${pin}`, null);
    expect(tracked.json().supplement).toEqual({
      items: ['Giấy chứng sinh (bản chính)', 'Tờ khai có chữ ký'], dueBy: '2026-03-09T10:00:00.000Z', requestedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(tracked.body).not.toContain('Bích');
    // a due date in the past is refused; once the supplement came, nothing is listed any more
    const { code: other } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake())).json() as { code: string };
    await call('POST', `/api/v1/dossiers/${other}/actions/forward`, 'clerk', {});
    const past = await call('POST', `/api/v1/dossiers/${other}/actions/requestSupplement`, 'officer', { reason: 'Thiếu', items: ['Giấy chứng sinh'], supplementDueAt: '2026-03-01T17:00:00+07:00' });
    expect(past.statusCode).toBe(400);
    const incomplete = await call('POST', `/api/v1/dossiers/${code}/actions/supplementReceived`, 'clerk', { receivedPapers: ['Tờ khai có chữ ký'] });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({ error: { code: 'ACTION_INPUT_INVALID' } });
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/supplementReceived`, 'clerk', { receivedPapers: ['Giấy chứng sinh (bản chính)', 'Tờ khai có chữ ký'] })).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/track/${code}?pin=${pin}`, null)).json().supplement).toBeNull();
  });

  it('tracks publicly with the code and its PIN, and answers the same 404 to a wrong PIN and an unknown code', async () => {
    const { code } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake())).json() as { code: string };
    const pin = await trackingPinFor(t.db, code);
    const ok = await call('GET', `/api/v1/track/${code}?pin=${pin}`, null);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).not.toContain('087090001234');
    const wrongPin = pin === '000000' ? '000001' : '000000';
    const wrong = await call('GET', `/api/v1/track/${code}?pin=${wrongPin}`, null);
    const unknown = await call('GET', `/api/v1/track/000.00.30.H20-260302-9999?pin=${wrongPin}`, null);
    const phoneSuffix = await call('GET', `/api/v1/track/${code}?phone=5678`, null);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(phoneSuffix.statusCode).toBe(400); // the phone-suffix method is gone
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
  });

  it('records a rating through the generic action route: 200, then 409 ALREADY_RATED; 400, 403, 404 and 409 before the result', async () => {
    const { code } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake())).json() as { code: string };
    const rate = (who: Who, body: unknown) => call('POST', `/api/v1/dossiers/${code}/actions/rate`, who, body);
    const early = await rate('citizen', { stars: 5 });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/forward`, 'clerk', {})).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/approve`, 'approver')).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/dossiers/${code}/actions/markResultReady`, 'officer')).statusCode).toBe(200);
    for (const body of [{ stars: 6 }, { stars: 0 }, { stars: 4.5 }, { stars: 4, dislike: ['rude'] }, { stars: 4, dislike: ['time', 'time'] }, { stars: 4, comment: 'x'.repeat(501) }, { stars: 4, via: 'portal' }]) {
      const bad = await rate('citizen', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(typeof bad.json().error.message).toBe('string');
    }
    const missing = await rate('citizen', {});
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'RATING_STARS_INVALID']);
    expect((await rate('officer', { stars: 4 })).json().error.code).toBe('ACTION_NOT_ALLOWED_FOR_ROLE');
    expect((await rate('officer', { stars: 4 })).statusCode).toBe(403);
    expect((await rate('otherClerk', { stars: 4 })).statusCode).toBe(404);
    // the clerk enters the counter device's rating only for a result handed over at the counter
    const notHandedOver = await rate('clerk', { stars: 4 });
    expect([notHandedOver.statusCode, notHandedOver.json().error.code]).toEqual([409, 'RATING_AT_COUNTER_ONLY']);
    const handOver = await call('POST', `/api/v1/dossiers/${code}/actions/return`, 'clerk', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: w.clock.now().toISOString() } });
    expect(handOver.statusCode, handOver.body).toBe(200);
    const ok = await rate('clerk', { stars: 4, dislike: ['time'], comment: 'Cần nhanh hơn' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ code, status: 'returned', syncCode: 10 });
    const again = await rate('citizen', { stars: 1 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ALREADY_RATED']);
    const detail = (await call('GET', `/api/v1/dossiers/${code}`, 'clerk')).json() as { allowedActions: string[]; timeline: { action: string; payload: unknown }[] };
    expect(detail.allowedActions).toEqual([]);
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'rate', payload: { stars: 4, dislike: ['time'], comment: 'Cần nhanh hơn', via: 'counter' } });
    // the public tracking shows that it was rated (a step), nothing of the rating itself
    const tracked = await call('GET', `/api/v1/track/${code}?pin=${await trackingPinFor(t.db, code)}`, null);
    expect(tracked.json().steps.at(-1).label).toBe('Đánh giá mức độ hài lòng');
    expect(tracked.json().rated).toBe(true);
    expect(tracked.body).not.toContain('Cần nhanh hơn');
  });

  it('verifies the audit chain for roles with audit.verify only', async () => {
    expect((await call('POST', '/api/v1/supervision/audit-verify', 'supervisor', { from: '2026-03-01', to: '2026-03-31' })).json()).toMatchObject({ ok: true });
    expect((await call('POST', '/api/v1/supervision/audit-verify', 'clerk', { from: '2026-03-01', to: '2026-03-31' })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/audit/verify?dossier=000.00.30.H20-260302-9999', 'clerk')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/audit/verify?dossier=000.00.30.H20-260302-9999', null)).statusCode).toBe(401);
  });

  it('verifies the audit chain only within the actor\'s scope, one dossier or a bounded period', async () => {
    const { code } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake())).json() as { code: string };
    // one code: outside the scope, the same 404 as the dossier itself (no hint that it exists)
    expect((await call('GET', `/api/v1/audit/verify?dossier=${code}`, 'supervisor')).json()).toEqual({ ok: true, dossiers: 1, events: 1 });
    const outside = await call('GET', `/api/v1/audit/verify?dossier=${code}`, 'otherSupervisor');
    const detail = await call('GET', `/api/v1/dossiers/${code}`, 'otherSupervisor');
    const unknown = await call('GET', '/api/v1/audit/verify?dossier=000.00.30.H20-260302-9999', 'otherSupervisor');
    expect([outside.statusCode, detail.statusCode, unknown.statusCode]).toEqual([404, 404, 404]);
    expect(outside.json().error.code).toBe(detail.json().error.code);
    expect(outside.json().error.code).toBe(unknown.json().error.code);
    // without a code: 400; a period of received dates is supervision's (≤ 31 days, only the actor's scope)
    expect((await call('GET', '/api/v1/audit/verify', 'supervisor')).statusCode).toBe(400);
    const audit = (who: Who, from: string, to: string) => call('POST', '/api/v1/supervision/audit-verify', who, { from, to });
    const long = await audit('admin', '2026-01-01', '2026-03-31');
    expect([long.statusCode, long.json().error.code]).toEqual([400, 'PERIOD_TOO_LONG']);
    expect((await audit('admin', '2026-03-01', '2026-03-31')).statusCode).toBe(200); // exactly 31 days
    const inverted = await audit('admin', '2026-03-05', '2026-03-01');
    expect([inverted.statusCode, inverted.json().error.code]).toEqual([400, 'PERIOD_INVALID']);
    const inScope = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).where('unit_path', 'like', `${w.province.path}%`).executeTakeFirstOrThrow();
    const mine = (await audit('supervisor', '2026-03-02', '2026-03-02')).json() as { ok: boolean; dossiers: number };
    expect(mine).toMatchObject({ ok: true, dossiers: Number(inScope.n) });
    expect((await audit('otherSupervisor', '2026-03-02', '2026-03-02')).json()).toMatchObject({ ok: true, dossiers: 0 });
    expect(((await audit('admin', '2026-03-02', '2026-03-02')).json() as { dossiers: number }).dossiers).toBeGreaterThanOrEqual(mine.dossiers);
  });

  it('finds dossiers by a part of their code; a malformed filter gets a Vietnamese message, not a schema pattern', async () => {
    const { code } = (await call('POST', '/api/v1/dossiers', 'clerk', w.intake())).json() as { code: string };
    const tail = code.split('-').slice(-2).join('-'); // e.g. "260302-0007"
    const partial = await call('GET', `/api/v1/dossiers?code=${tail}`, 'clerk');
    expect(partial.statusCode).toBe(200);
    expect(partial.json().items.map((i: { code: string }) => i.code)).toContain(code);
    const lower = await call('GET', `/api/v1/dossiers?code=${encodeURIComponent(code.toLowerCase())}`, 'clerk');
    expect(lower.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    for (const bad of ['code=26%2F12', 'code=ab', 'personalId=123', 'limit=5000', 'from=2026-13-01', 'status=done']) {
      const res = await call('GET', `/api/v1/dossiers?${bad}`, 'clerk');
      expect(res.statusCode, bad).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      const text = `${error.message} ${error.details.map((d: { message: string }) => d.message).join(' ')}`;
      expect(text, bad).not.toMatch(/must|pattern|\^|\$|should/);
      expect(error.message, bad).toMatch(/^Dữ liệu không hợp lệ\. .+ (không|phải|dài)/);
    }
  });

  it('never answers 500 to random bodies and parameters', async () => {
    const who = fc.constantFrom<Who>('clerk', 'officer', 'approver', 'citizen', 'supervisor');
    await fc.assert(fc.asyncProperty(who, fc.constantFrom(...actions), fc.anything(), fc.string({ maxLength: 30 }), async (actor, action, body, code) => {
      const a = await call('POST', `/api/v1/dossiers/${encodeURIComponent(code)}/actions/${action}`, actor, body);
      const b = await call('POST', '/api/v1/dossiers', actor, body, { 'idempotency-key': 'fuzz-key-0001' });
      const c = await call('GET', `/api/v1/dossiers?name=${encodeURIComponent(code)}&phone=${encodeURIComponent(code)}`, actor);
      const d = await call('GET', `/api/v1/track/${encodeURIComponent(code)}?pin=${encodeURIComponent(code)}`, null);
      for (const r of [a, b, c, d]) expect(r.statusCode, r.body).toBeLessThan(500);
    }), { numRuns: 60 });
    const mutated = await call('POST', '/api/v1/dossiers', 'clerk', { ...w.intake(), formData: { fullName: 'A\u0000B', personalId: '087090001234' } });
    expect(mutated.statusCode).toBe(400);
  });
});
