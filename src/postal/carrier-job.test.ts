// The carrier poll as the pg-boss job `motcua serve` runs (issue 13 §7): the job of appJobs, with its
// interval from the configuration, drives the carrier simulator's feed — repeats, late and
// out-of-order events — into one consistent trail, and reads on from the stored cursor.
import { describe, expect, it } from 'vitest';
import { appJobs } from '../app';
import { loadConfig } from '../platform/config';
import { useWorld } from '../dossiers/world.test-helper';
import { CARRIER_POLL_JOB } from './carrier-job';
import { CarrierSimulator } from './carrier-simulator';
import { assignCourier, getShipment, postalResultHook, requestPickup } from './service';
import type { Actor } from '../platform/actor';
import { useTempFiles } from './files.test-helper';
import { phonePickup } from './pickup.test-helper';

const { w } = useWorld('2026-06-09T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });

describe('the carrier poll job', () => {
  it('runs on the configured interval and folds the simulator\'s feed into the trail, once per event', async () => {
    const s = await requestPickup(ctx(w.actors.clerk), phonePickup(w, { name: 'Trần Thị Bích', phone: '0912555666' }, 'Số 8 đường Nguyễn Huệ, khóm 2', '2026-06-09'));
    const trackingNumber = s.legs[0]?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), trackingNumber);
    const carrier = new CarrierSimulator();
    const config = loadConfig({ MOTCUA_CARRIER_POLL_MINUTES: '10' });
    const job = appJobs({ db: w.db, clock: w.clock, config, carrier }).find((j) => j.name === CARRIER_POLL_JOB);
    expect(job).toMatchObject({ cron: '*/10 * * * *', runAtStart: true });
    // the transit scan of 10:30 comes before the collection of 09:15 it follows, and twice
    carrier.emit(
      { eventId: 'vnp-2', trackingNumber, kind: 'inTransit', at: '2026-06-09T10:30:00+07:00', note: 'Bưu cục Cao Lãnh' },
      { eventId: 'vnp-1', trackingNumber, kind: 'collected', at: '2026-06-09T09:15:00+07:00' },
      { eventId: 'vnp-2', trackingNumber, kind: 'inTransit', at: '2026-06-09T10:30:00+07:00', note: 'Bưu cục Cao Lãnh' },
    );
    expect(await job?.handler()).toEqual({ received: 3, inserted: 2, duplicates: 1, unknown: 0 });
    // the next tick reads on from the cursor: only the new, late delivery scan for an unknown number
    carrier.emit({ eventId: 'vnp-3', trackingNumber: 'EB000000000VN', kind: 'handedOver', at: '2026-06-09T11:00:00+07:00' });
    expect(await job?.handler()).toEqual({ received: 1, inserted: 0, duplicates: 0, unknown: 1 });
    const leg = (await getShipment(ctx(w.actors.courier), s.id)).legs[0];
    expect(leg?.status).toBe('collected');
    expect(leg?.trail.map((t) => [t.kind, t.source, t.at])).toEqual([
      ['requested', 'staff', new Date('2026-06-09T07:00:00+07:00').toISOString()],
      ['assigned', 'staff', new Date('2026-06-09T07:00:00+07:00').toISOString()],
      ['collected', 'carrier', new Date('2026-06-09T09:15:00+07:00').toISOString()],
      ['inTransit', 'carrier', new Date('2026-06-09T10:30:00+07:00').toISOString()],
    ]);
  });

  it('refuses an interval that is not a divisor of an hour', () => {
    expect(() => loadConfig({ MOTCUA_CARRIER_POLL_MINUTES: '7' })).toThrow(/MOTCUA_CARRIER_POLL_MINUTES=7/);
    expect(loadConfig({}).carrierPollMinutes).toBe(5);
  });
});
