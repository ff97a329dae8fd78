// The carrier's order for a sealed parcel (issue 13 §7): the job of appJobs places one order per
// toAgency leg under its tracking number — post office → competent agency, the weight saved at the
// door — keeps the carrier's id and charge, never twice; through the HTTP adapter it survives an
// outage (the next run places it) and a refusal does not stop the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJobs } from '../app';
import { loadConfig } from '../platform/config';
import type { Actor } from '../platform/actor';
import { useWorld } from '../dossiers/world.test-helper';
import { httpCarrier } from './carrier-http';
import { CARRIER_ORDER_JOB, placeCarrierOrders } from './carrier-orders';
import { startCarrierSimServer, type CarrierSimServer } from './carrier-sim-server';
import { CarrierSimulator } from './carrier-simulator';
import { useTempFiles } from './files.test-helper';
import { draftedPickup } from './pickup.test-helper';
import { collectPickup, postalResultHook } from './service';

const { w } = useWorld('2026-06-09T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let sim: CarrierSimServer;
beforeAll(async () => { sim = await startCarrierSimServer(); });
afterAll(async () => { await sim.close(); });

/** A parcel of 300 g sealed at the door (the same commune: 17 000 đồng collected). */
async function sealed(personalId: string): Promise<string> {
  w.clock.set(new Date('2026-06-09T07:00:00+07:00'));
  const { s } = await draftedPickup(w, ctx, personalId, '2026-06-09');
  w.clock.set(new Date('2026-06-09T09:00:00+07:00'));
  const done = await collectPickup(ctx(w.actors.courier), s.id, {
    items: [{ kind: 'postage', label: 'Cước', amountVnd: 17_000 }], paymentMethod: 'cash',
    applicantSignature: { name: 'Nguyễn Văn An', personalId, image: PNG }, courierSignature: { name: w.actors.courier.fullName, image: PNG },
  });
  return done.legs.find((l) => l.kind === 'toAgency')?.trackingNumber ?? '';
}

const legOf = (n: string) => w.db.selectFrom('postal_legs').select(['carrier_order_id', 'carrier_charge_vnd', 'carrier_name']).where('tracking_number', '=', n).executeTakeFirstOrThrow();

describe('the carrier\'s orders for sealed parcels', () => {
  it('places one order per sealed parcel, post office to the competent agency, and keeps its id and charge', { timeout: 60_000 }, async () => {
    const n = await sealed('087090007001');
    const carrier = new CarrierSimulator();
    const job = appJobs({ db: w.db, clock: w.clock, config: loadConfig({}), carrier }).find((j) => j.name === CARRIER_ORDER_JOB);
    expect(job).toMatchObject({ cron: '*/5 * * * *', runAtStart: true });
    expect(await job?.handler()).toEqual({ placed: 1, refused: 0 });
    const leg = await legOf(n);
    // 300 g: the simulator's 20 000 đồng up to 500 g
    expect(leg).toEqual({ carrier_order_id: expect.stringMatching(/^SIM-/), carrier_charge_vnd: 20_000, carrier_name: 'simulator' });
    const order = carrier.order(leg.carrier_order_id ?? '');
    expect(order?.request).toMatchObject({
      trackingNumber: n, kind: 'toAgency', weightGrams: 300, declaredValueVnd: 0,
      receiver: { name: 'Ủy ban nhân dân xã Một', communeCode: w.commune.code }, sender: { communeCode: w.commune.code },
    });
    expect(await job?.handler()).toEqual({ placed: 0, refused: 0 });
  });

  it('over HTTP: an outage stops the run and the next one places the order; a refused order does not hold the others', { timeout: 90_000 }, async () => {
    const first = await sealed('087090007002');
    const carrier = httpCarrier({ url: sim.url, token: sim.token, attempts: 2, backoffMs: 5, maxBackoffMs: 5 });
    sim.setOutage(true);
    await expect(placeCarrierOrders({ db: w.db, clock: w.clock, carrier })).rejects.toMatchObject({ code: 'CARRIER_UNAVAILABLE' });
    sim.setOutage(false);
    expect((await legOf(first)).carrier_order_id).toBeNull();
    const second = await sealed('087090007003');
    // the carrier refuses the first order it is asked for now (422), takes the other
    sim.failNext(1, 422);
    expect(await placeCarrierOrders({ db: w.db, clock: w.clock, carrier })).toEqual({ placed: 1, refused: 1 });
    expect(await placeCarrierOrders({ db: w.db, clock: w.clock, carrier })).toEqual({ placed: 1, refused: 0 });
    for (const n of [first, second]) expect(await legOf(n)).toMatchObject({ carrier_order_id: expect.stringMatching(/^SIM-/), carrier_charge_vnd: 20_000, carrier_name: `http:${new URL(sim.url).host}` });
    expect(sim.simulator.orderOfTracking(first)?.request.receiver.name).toBe('Ủy ban nhân dân xã Một');
  });
});
