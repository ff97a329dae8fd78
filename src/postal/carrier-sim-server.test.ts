// Issue 13 §7 end to end over HTTP: the carrier simulator served on a free loopback port, the app
// configured at it through MOTCUA_CARRIER_URL / MOTCUA_CARRIER_TOKEN, and the poll job of appJobs
// reading its feed through the real HTTP adapter — events late, repeated and out of order, an outage
// in the middle: exactly one trail entry per event, nothing lost, the cursor kept across the outage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJobs } from '../app';
import { loadConfig } from '../platform/config';
import type { Actor } from '../platform/actor';
import { useWorld } from '../dossiers/world.test-helper';
import type { CarrierEvent } from './carrier';
import { CARRIER_POLL_JOB } from './carrier-job';
import { CARRIER_SIM_EVENTS_PATH, wireEvent } from './carrier-protocol';
import { startCarrierSimServer, type CarrierSimServer } from './carrier-sim-server';
import { useTempFiles } from './files.test-helper';
import { phonePickup } from './pickup.test-helper';
import { assignCourier, getShipment, postalResultHook, requestPickup } from './service';

const { w } = useWorld('2026-06-09T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });

let sim: CarrierSimServer;
beforeAll(async () => { sim = await startCarrierSimServer({ port: 0 }); });
afterAll(async () => { await sim.close(); });

/** Events put in the carrier's feed the way a tester does it from outside: the simulator's HTTP hand. */
async function carrierSays(...events: CarrierEvent[]): Promise<void> {
  const res = await fetch(`${sim.url}${CARRIER_SIM_EVENTS_PATH}`, {
    method: 'POST', headers: { token: sim.token, 'content-type': 'application/json' }, body: JSON.stringify({ items: events.map(wireEvent) }),
  });
  expect(res.status).toBe(202);
}

describe('the carrier over HTTP, through the poll job', () => {
  it('folds late, repeated and out-of-order events into one trail and survives an outage', { timeout: 60_000 }, async () => {
    const s = await requestPickup(ctx(w.actors.clerk), phonePickup(w, { name: 'Lê Văn Tám', phone: '0912777888' }, 'Số 12 đường Lý Thường Kiệt, khóm 3', '2026-06-09'));
    const n = s.legs[0]?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), n);
    const config = loadConfig({ MOTCUA_CARRIER_URL: sim.url, MOTCUA_CARRIER_TOKEN: sim.token });
    // no carrier given: the app's own, from the configuration
    const job = appJobs({ db: w.db, clock: w.clock, config }).find((j) => j.name === CARRIER_POLL_JOB);
    const poll = () => (job?.handler as () => Promise<unknown>)();
    const ev = (eventId: string, kind: CarrierEvent['kind'], at: string, note?: string): CarrierEvent => ({ eventId, trackingNumber: n, kind, at, ...(note ? { note } : {}) });

    // the transit scan arrives before the collection it follows, and twice
    await carrierSays(ev('vnp-2', 'inTransit', '2026-06-09T10:30:00+07:00', 'Bưu cục Cao Lãnh'), ev('vnp-1', 'collected', '2026-06-09T09:15:00+07:00'), ev('vnp-2', 'inTransit', '2026-06-09T10:30:00+07:00', 'Bưu cục Cao Lãnh'));
    expect(await poll()).toEqual({ received: 3, inserted: 2, duplicates: 1, unknown: 0 });

    // the carrier goes down; what it records meanwhile waits in its feed
    sim.setOutage(true);
    sim.simulator.emit(ev('vnp-3', 'inTransit', '2026-06-09T11:40:00+07:00', 'Trung tâm khai thác Đồng Tháp'));
    await expect(poll()).rejects.toMatchObject({ code: 'CARRIER_UNAVAILABLE', status: 503 });
    expect(sim.answered.outage).toBe(4);
    sim.setOutage(false);

    // back up: the waiting scan, a late repeat of the first one, and a hand-over of 14:00 reported before a scan of 12:10
    await carrierSays(ev('vnp-1', 'collected', '2026-06-09T09:15:00+07:00'), ev('vnp-5', 'handedOver', '2026-06-09T14:00:00+07:00'), ev('vnp-4', 'inTransit', '2026-06-09T12:10:00+07:00'));
    expect(await poll()).toEqual({ received: 4, inserted: 3, duplicates: 1, unknown: 0 });
    expect(await poll()).toEqual({ received: 0, inserted: 0, duplicates: 0, unknown: 0 });

    const leg = (await getShipment(ctx(w.actors.courier), s.id)).legs[0];
    expect(leg?.status).toBe('handedOver');
    const carrierTrail = leg?.trail.filter((t) => t.source === 'carrier').map((t) => [t.eventId, t.kind, t.at, t.applied]);
    expect(carrierTrail).toEqual([
      ['carrier:vnp-1', 'collected', '2026-06-09T02:15:00.000Z', true],
      ['carrier:vnp-2', 'inTransit', '2026-06-09T03:30:00.000Z', true],
      ['carrier:vnp-3', 'inTransit', '2026-06-09T04:40:00.000Z', true],
      ['carrier:vnp-4', 'inTransit', '2026-06-09T05:10:00.000Z', true],
      ['carrier:vnp-5', 'handedOver', '2026-06-09T07:00:00.000Z', true],
    ]);
    const cursor = await w.db.selectFrom('postal_carrier_cursor').select(['carrier', 'cursor']).where('carrier', '=', `http:${new URL(sim.url).host}`).executeTakeFirst();
    expect(cursor?.cursor).toBe('7');
  });
});
