// Incidents and complaints on the real database and over HTTP (issue 13 §8): recorded on a leg of
// the post office with the resolve-by date (5 working days, TT 17 art. 8), resolved once with a
// numbered compensation, both on the leg's trail without changing its status; the 6-month
// limitation; refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/http';
import type { HttpApp } from '../platform/http/server';
import { useWorld, type World } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { registerPostalIncidentRoutes } from './incident-routes';
import { listIncidents, recordIncident, resolveIncident } from './incidents';
import { assignCourier, getShipment, ingestCarrierEvents, requestPickup } from './service';
import { useTempFiles } from './files.test-helper';

const { t, w } = useWorld('2026-06-01T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), files });
const at = (iso: string) => w.clock.set(new Date(iso));
let app: HttpApp;
beforeAll(async () => {
  app = await createTestApp((who) => (who in w.actors ? w.actors[who as keyof World['actors']] : null), (a) => registerPostalIncidentRoutes(a, { db: t.db, clock: w.clock }));
});
afterAll(() => app?.close());

async function assignedPickup(phone: string, day = '2026-06-01'): Promise<{ shipmentId: number; trackingNumber: string }> {
  const s = await requestPickup(ctx(w.actors.clerk), {
    procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone }, address: 'Số 12 đường Lê Lợi, ấp 3',
    communeCode: w.commune.code, windowFrom: `${day}T08:00:00+07:00`, windowTo: `${day}T10:00:00+07:00`,
  });
  const trackingNumber = s.legs[0]?.trackingNumber ?? '';
  await assignCourier(ctx(w.actors.courier), trackingNumber);
  return { shipmentId: s.id, trackingNumber };
}

const count = async () => Number((await w.db.selectFrom('postal_incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('postal incidents and complaints', () => {
  it('records a damaged parcel, resolves it with a numbered compensation, all on the trail, the status kept', async () => {
    at('2026-06-01T07:00:00+07:00');
    const { shipmentId, trackingNumber } = await assignedPickup('0912000101');
    at('2026-06-05T10:00:00+07:00'); // Friday
    const incident = await recordIncident(ctx(w.actors.courier), trackingNumber, {
      kind: 'damaged', description: 'Bì hồ sơ bị ướt khi mưa, giấy tờ nhòe mực', reportedBy: 'Nguyễn Văn An', reporterPhone: '0912 000 101',
    });
    expect(incident).toMatchObject({
      kind: 'damaged', kindLabel: 'Hư hỏng, mất niêm phong', status: 'open', resolveBy: '2026-06-12', overdue: false, reporterPhone: '0912000101',
      legKind: 'pickup', applicantName: 'Nguyễn Văn An', compensation: null, recordedByName: w.actors.courier.fullName,
    });
    // a courier may record, not resolve; an officer may do neither; another post office sees nothing
    await expect(resolveIncident(ctx(w.actors.courier), incident.id, { resolution: 'Đã xin lỗi người nộp hồ sơ' })).rejects.toMatchObject({ kind: 'Forbidden' });
    await expect(listIncidents(ctx(w.actors.officer))).rejects.toMatchObject({ kind: 'Forbidden' });
    await expect(resolveIncident(ctx(w.actors.otherClerk), incident.id, { resolution: 'Đã xin lỗi người nộp hồ sơ' })).rejects.toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    expect((await listIncidents(ctx(w.actors.otherClerk))).items).toEqual([]);

    // the Monday after its resolve-by date it is overdue
    at('2026-06-15T09:00:00+07:00');
    expect((await listIncidents(ctx(w.actors.clerk), { status: 'open' })).items.find((i) => i.id === incident.id)).toMatchObject({ overdue: true });
    const resolved = await resolveIncident(ctx(w.actors.clerk), incident.id, {
      resolution: 'Bưu điện chịu lỗi, bồi thường và làm lại bản sao', compensation: { amountVnd: 150_000, recipientName: 'Nguyễn Văn An', paymentMethod: 'cash' },
    });
    expect(resolved).toMatchObject({
      status: 'resolved', statusLabel: 'Đã giải quyết', overdue: false, resolvedAt: new Date('2026-06-15T09:00:00+07:00').toISOString(),
      compensation: { number: '0001/BT-2026', amountVnd: 150_000, recipientName: 'Nguyễn Văn An', paymentMethod: 'cash' },
    });
    await expect(resolveIncident(ctx(w.actors.clerk), incident.id, { resolution: 'Giải quyết lần hai, không được phép' })).rejects.toMatchObject({ code: 'INCIDENT_ALREADY_RESOLVED' });
    const leg = (await getShipment(ctx(w.actors.clerk), shipmentId)).legs[0];
    expect(leg?.status).toBe('assigned');
    expect(leg?.trail.map((e) => [e.kind, e.applied, e.note])).toEqual([
      ['requested', true, null], ['assigned', true, null], ['incident', true, 'Hư hỏng, mất niêm phong'], ['incidentResolved', true, 'Hư hỏng, mất niêm phong'],
    ]);

    // the next compensation of the post office takes the next number
    const second = await recordIncident(ctx(w.actors.clerk), trackingNumber, { kind: 'late', description: 'Người nộp phản ánh bưu tá đến trễ hẹn 3 giờ', reportedBy: 'Nguyễn Văn An' });
    expect((await resolveIncident(ctx(w.actors.clerk), second.id, {
      resolution: 'Hoàn cước dịch vụ cho người nộp', compensation: { amountVnd: 22_000, recipientName: 'Nguyễn Văn An', paymentMethod: 'transfer' },
    })).compensation?.number).toBe('0002/BT-2026');
  });

  it('refuses a complaint more than 6 months after the hand-over, and a bad report, writing nothing', async () => {
    at('2026-06-01T07:00:00+07:00');
    const { trackingNumber } = await assignedPickup('0912000202');
    await ingestCarrierEvents(w.db, w.clock, [
      { eventId: 'lim-1', trackingNumber, kind: 'collected', at: '2026-06-01T09:00:00+07:00' },
      { eventId: 'lim-2', trackingNumber, kind: 'handedOver', at: '2026-06-01T15:00:00+07:00' },
    ]);
    const before = await count();
    at('2026-12-02T09:00:00+07:00');
    await expect(recordIncident(ctx(w.actors.clerk), trackingNumber, { kind: 'complaint', description: 'Phản ánh thái độ phục vụ của bưu tá', reportedBy: 'Nguyễn Văn An' }))
      .rejects.toMatchObject({ code: 'COMPLAINT_TIME_BARRED' });
    await expect(recordIncident(ctx(w.actors.clerk), trackingNumber, { kind: 'lost', description: 'mất', reportedBy: 'X' }))
      .rejects.toMatchObject({ code: 'INCIDENT_INVALID' });
    expect(await count()).toBe(before);
    // on the last day of the period it is still taken
    at('2026-12-01T16:00:00+07:00');
    expect((await recordIncident(ctx(w.actors.clerk), trackingNumber, { kind: 'complaint', description: 'Phản ánh thái độ phục vụ của bưu tá', reportedBy: 'Nguyễn Văn An' })).resolveBy)
      .toBe('2026-12-08');
  });

  it('answers over HTTP: 201 with the schema, 400 with a Vietnamese message, 404 for another post office', async () => {
    at('2026-06-02T07:00:00+07:00');
    const { trackingNumber } = await assignedPickup('0912000303', '2026-06-02');
    const post = (who: string, body: unknown) => app.inject({ method: 'POST', url: `/api/v1/postal/legs/${trackingNumber}/incidents`, headers: { 'x-test-actor': who }, payload: body as object });
    const ok = await post('clerk', { kind: 'lost', description: 'Không tìm thấy bưu gửi tại bưu cục trung chuyển', reportedBy: 'Trần Thị Nhận' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'lost', kindLabel: 'Thất lạc', status: 'open', resolveBy: '2026-06-09' });
    const bad = await post('clerk', { kind: 'stolen', description: 'x', reportedBy: 'Trần Thị Nhận' });
    expect(bad.statusCode).toBe(400);
    const short = await post('clerk', { kind: 'lost', description: 'ngắn', reportedBy: 'Trần Thị Nhận' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'INCIDENT_INVALID', message: expect.stringMatching(/chưa hợp lệ/) });
    expect((await post('otherClerk', { kind: 'lost', description: 'Không tìm thấy bưu gửi tại bưu cục', reportedBy: 'Trần Thị Nhận' })).statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/v1/postal/incidents?status=open', headers: { 'x-test-actor': 'clerk' } });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: { trackingNumber: string }[] }).items.map((i) => i.trackingNumber)).toContain(trackingNumber);
  });
});
