// The HTTP carrier adapter against the carrier simulator served on the loopback (no database): the
// order under the leg's number and its charge, retries with a doubling back-off through 503s, a cut
// connection and a time-out, refusals mapped to clear errors without retrying, answers checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config';
import { CarrierError, httpCarrier, type HttpCarrierOptions } from './carrier-http';
import { startCarrierSimServer, type CarrierSimServer } from './carrier-sim-server';
import { formatTrackingNumber } from './tracking-number';

let sim: CarrierSimServer;
beforeAll(async () => { sim = await startCarrierSimServer({ token: 'test-token-0001' }); });
afterAll(async () => { await sim.close(); });

/** The adapter with its back-offs recorded instead of slept. */
function adapter(extra: Partial<HttpCarrierOptions> = {}) {
  const slept: number[] = [];
  const carrier = httpCarrier({ url: sim.url, token: sim.token, backoffMs: 10, maxBackoffMs: 40, timeoutMs: 2_000, sleep: async (ms) => { slept.push(ms); }, ...extra });
  return { carrier, slept };
}

const party = { name: 'Bưu cục Cao Lãnh', phone: '02773851234', address: 'Số 1 đường 30/4, phường Cao Lãnh', communeCode: '29869' };
const order = (serial: number, weightGrams: number) => ({
  trackingNumber: formatTrackingNumber(serial), kind: 'toAgency' as const, sender: party,
  receiver: { name: 'Sở Tư pháp Đồng Tháp', phone: null, address: 'Số 8 đường Hùng Vương', communeCode: '29869' }, weightGrams, declaredValueVnd: 0,
});

async function refusal(p: Promise<unknown>): Promise<CarrierError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(CarrierError);
  return e as CarrierError;
}

describe('the HTTP carrier adapter', () => {
  it('creates the order under the leg\'s tracking number, reads its charge, and answers the same order when asked again', async () => {
    const { carrier } = adapter();
    const first = await carrier.createOrder(order(1001, 1_200));
    // 20 000 ₫ up to 500 g, 5 000 ₫ per further 500 g started: 1 200 g → 30 000 ₫
    expect(first).toEqual({ orderId: expect.stringMatching(/^SIM-/), trackingNumber: formatTrackingNumber(1001), chargeVnd: 30_000 });
    expect(await carrier.charge(first.orderId)).toEqual({ amountVnd: 30_000 });
    expect(await carrier.createOrder(order(1001, 1_200))).toEqual(first);
    expect(sim.simulator.order(first.orderId)?.request.receiver.name).toBe('Sở Tư pháp Đồng Tháp');
  });

  it('tries again through 503s, a cut connection and a time-out, doubling its back-off', async () => {
    const { carrier, slept } = adapter({ timeoutMs: 300 });
    sim.failNext(2, 503);
    expect((await carrier.createOrder(order(1002, 400))).chargeVnd).toBe(20_000);
    sim.failNext(1, 'drop');
    await carrier.events(null);
    sim.failNext(1, 'hang');
    await carrier.events(null);
    expect(slept).toEqual([10, 20, 10, 10]);
  });

  it('gives up after its attempts in an outage, waiting what the carrier asks (Retry-After) up to its cap', async () => {
    const { carrier, slept } = adapter({ attempts: 3 });
    sim.setOutage(true);
    try {
      const e = await refusal(carrier.events(null));
      expect(e).toMatchObject({ code: 'CARRIER_UNAVAILABLE', status: 503, transient: true });
      expect(e.message).toMatch(/tạm thời không phục vụ \(503\)/);
    } finally {
      sim.setOutage(false);
    }
    // Retry-After: 1 (s), capped at 40 ms
    expect(slept).toEqual([40, 40]);
  });

  it('maps refusals to clear errors and never retries them', async () => {
    const { carrier, slept } = adapter();
    expect(await refusal(httpCarrier({ url: sim.url, token: 'wrong-token-000', sleep: async () => {} }).events(null))).toMatchObject({ code: 'CARRIER_AUTH', status: 401, transient: false });
    const missing = await refusal(carrier.charge('SIM-999999'));
    expect(missing).toMatchObject({ code: 'CARRIER_NOT_FOUND', status: 404 });
    const tooHeavy = await refusal(carrier.createOrder(order(1003, 31_000)));
    expect(tooHeavy).toMatchObject({ code: 'CARRIER_REFUSED', status: 422 });
    expect(tooHeavy.message).toContain('weightGrams');
    expect(slept).toEqual([]);
  });

  it('checks answers: a malformed page is refused whole, a malformed or unknown event is skipped and counted', async () => {
    const { carrier } = adapter();
    sim.answerNextWith({ items: 'không phải danh sách', nextCursor: '1', hasMore: false });
    expect(await refusal(carrier.events(null))).toMatchObject({ code: 'CARRIER_BAD_ANSWER' });
    sim.answerNextWith({ orderId: 'SIM-1', orderNumber: formatTrackingNumber(9), totalChargeVnd: 1 });
    expect(await refusal(carrier.createOrder(order(1004, 100)))).toMatchObject({ code: 'CARRIER_BAD_ANSWER' });
    const n = formatTrackingNumber(1005);
    sim.answerNextWith({
      items: [
        { eventId: 'e1', orderNumber: n, statusCode: 'PICKED_UP', time: '2026-06-09T09:15:00+07:00', location: { lat: 10.46, lng: 105.63 } },
        { eventId: 'e2', orderNumber: n, statusCode: 'LOST_IN_SPACE', time: '2026-06-09T09:20:00+07:00' },
        { eventId: 'e3', orderNumber: n, statusCode: 'IN_TRANSIT', time: '2026-06-09 09:30' },
        { eventId: 'e4', orderNumber: 'EB000000001VN', statusCode: 'IN_TRANSIT', time: '2026-06-09T09:40:00Z' },
      ],
      nextCursor: '4', hasMore: false,
    });
    const page = await carrier.events(null);
    expect(page).toMatchObject({ cursor: '4', more: false, rejected: 3 });
    expect(page.events).toEqual([{ eventId: 'e1', trackingNumber: n, kind: 'collected', at: '2026-06-09T02:15:00.000Z', position: { lat: 10.46, lon: 105.63 } }]);
  });

  it('is configured by MOTCUA_CARRIER_URL and MOTCUA_CARRIER_TOKEN: https beyond this machine, the token required', () => {
    expect(loadConfig({ MOTCUA_CARRIER_URL: 'http://127.0.0.1:4790/', MOTCUA_CARRIER_TOKEN: 'abcdefgh' }).carrier).toEqual({ url: 'http://127.0.0.1:4790', token: 'abcdefgh' });
    expect(loadConfig({}).carrier).toBeUndefined();
    expect(() => loadConfig({ MOTCUA_CARRIER_URL: 'http://api.buudien.vn' , MOTCUA_CARRIER_TOKEN: 'abcdefgh' })).toThrow(/MOTCUA_CARRIER_URL phải dùng https/);
    expect(() => loadConfig({ MOTCUA_CARRIER_URL: 'https://api.buudien.vn' })).toThrow(/MOTCUA_CARRIER_TOKEN là bắt buộc/);
  });
});
