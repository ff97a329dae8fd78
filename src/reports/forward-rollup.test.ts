// Which unit a forwarded dossier is counted under (src/reports/rollup.ts movedDeltas, migration 0240):
// the one it has now — the agency that decides it. Received at the counter on Monday 02/03/2026 for
// Ủy ban nhân dân xã Một, handed over on Tuesday 03/03 to the provincial centre (the competent agency
// on its row when it was forwarded), withdrawn on Wednesday 04/03: its receipt and its close are
// under the centre, nothing stays open under the commune, and no open count goes negative. The
// migration moves an acceptance counted under the intake's key before the fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { performAction, receiveDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { rollupHook } from './hook';
import { deriveRollups } from './rebuild';
import { keyText, movedDeltas, type RollupDossier } from './rollup';
import { applyDeltas } from './store';

const { w } = useWorld('2026-03-02T09:00:00+07:00');
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [rollupHook] });
const at = (iso: string) => w.clock.set(new Date(iso));
const here = path.dirname(fileURLToPath(import.meta.url));
const migration = (name: string): string => readFileSync(path.join(here, '../platform/db/migrations', name), 'utf8');
const migration0240 = migration('0240_rollup_forwarded_unit.sql');
const migration0250 = migration('0250_year_tiers_refill.sql'); // the year tiers from the corrected months

/** received − closed per competent agency of the world's province, from each roll-up table. */
async function openByAgency(): Promise<Record<string, Record<number, number>>> {
  const p = w.province.code;
  const daily = await sql<{ agency_id: string; open: string }>`SELECT agency_id, sum(received - closed) AS open FROM stats_daily WHERE province_code = ${p} GROUP BY agency_id`.execute(w.db);
  const monthly = await sql<{ agency_id: string; open: string }>`SELECT agency_id, sum(received - closed) AS open FROM stats_monthly WHERE province_code = ${p} GROUP BY agency_id`.execute(w.db);
  const byUnit = await sql<{ unit_path: string; open: string }>`SELECT unit_path, sum(received - closed) AS open FROM stats_monthly_procedure WHERE province_code = ${p} GROUP BY unit_path`.execute(w.db);
  const agencyOf = (unitPath: string) => (unitPath === w.province.path ? w.centre.id : unitPath === w.commune.path ? w.communeAgency.id : -1);
  const map = (rows: { agency_id?: string; unit_path?: string; open: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.agency_id !== undefined ? Number(r.agency_id) : agencyOf(r.unit_path ?? ''), Number(r.open)]).filter(([, n]) => n !== 0));
  const yearly = await sql<{ agency_id: string; open: string }>`SELECT agency_id, sum(received - closed) AS open FROM stats_yearly WHERE province_code = ${p} GROUP BY agency_id`.execute(w.db);
  const yearlyByUnit = await sql<{ unit_path: string; open: string }>`SELECT unit_path, sum(received - closed) AS open FROM stats_yearly_procedure WHERE province_code = ${p} GROUP BY unit_path`.execute(w.db);
  return { daily: map(daily.rows), monthly: map(monthly.rows), procedureMonthly: map(byUnit.rows), yearly: map(yearly.rows), procedureYearly: map(yearlyByUnit.rows) };
}

/** A counter dossier received for the commune, its competent agency then set to the provincial centre (as on its row at the hand-over). */
async function forwardedToTheCentre(personalId: string): Promise<string> {
  at('2026-03-02T09:00:00+07:00');
  const { code } = await receiveDossier(ctx(w.actors.clerk), w.intake({ personalId }));
  await sql`UPDATE dossiers SET competent_agency_id = ${w.centre.id}, unit_path = ${w.province.path} WHERE code = ${code}`.execute(w.db);
  at('2026-03-03T08:30:00+07:00');
  await performAction(ctx(w.actors.clerk), code, 'forward');
  return code;
}

describe('a dossier forwarded to another agency in the roll-ups', () => {
  it('counts its receipt and its close under the agency it went to: no open count left behind, none negative', async () => {
    const code = await forwardedToTheCentre('087090003401');
    at('2026-03-04T10:00:00+07:00');
    await performAction(ctx(w.actors.clerk), code, 'withdraw', { reason: 'Người nộp rút hồ sơ để bổ sung giấy tờ' });
    // the old code left +1 under the commune and −1 under the centre
    expect(await openByAgency()).toEqual({ daily: {}, monthly: {}, procedureMonthly: {}, yearly: {}, procedureYearly: {} });
    const received = await sql<{ agency_id: string; day: string; received: string; closed: string }>`
      SELECT agency_id, day::text AS day, sum(received) AS received, sum(closed) AS closed FROM stats_daily WHERE province_code = ${w.province.code} AND (received <> 0 OR closed <> 0)
      GROUP BY agency_id, day ORDER BY day`.execute(w.db);
    expect(received.rows.map((r) => [Number(r.agency_id), r.day, Number(r.received), Number(r.closed)])).toEqual([
      [w.centre.id, '2026-03-02', 1, 0], // received on Monday, under the centre
      [w.centre.id, '2026-03-04', 0, 1], // withdrawn on Wednesday, under the centre
    ]);
  });

  it('the rebuild from the event log gives what the hook wrote', async () => {
    const { acc } = await deriveRollups(w.db);
    const derived = new Map<string, number>();
    for (const r of acc.rows.values()) if (r.key.provinceCode === w.province.code && r.counts.received !== 0) derived.set(keyText(r.key), r.counts.received);
    const stored = await sql<{ day: string; province_code: string; unit_path: string; agency_id: string; receiving_agency_id: string; procedure_id: string; channel: 'counter'; online_level: 'none'; received: string }>`
      SELECT day::text AS day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level, received FROM stats_daily
      WHERE province_code = ${w.province.code} AND received <> 0`.execute(w.db);
    expect(new Map(stored.rows.map((r) => [keyText({ day: r.day, provinceCode: r.province_code, unitPath: r.unit_path, agencyId: Number(r.agency_id), receivingAgencyId: Number(r.receiving_agency_id), procedureId: Number(r.procedure_id), channel: r.channel, onlineLevel: r.online_level }), Number(r.received)]))).toEqual(derived);
  });

  it('migrations 0240 and 0250 move the acceptances the old hook left under the intake\'s agency', async () => {
    await forwardedToTheCentre('087090003402');
    // the roll-ups as the old hook left them: each forwarded dossier's receipt still under the commune
    const rows = await w.db.selectFrom('dossiers').selectAll().where('province_code', '=', w.province.code).where('competent_agency_id', '=', w.centre.id).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const atIntake: RollupDossier = { ...row, competent_agency_id: w.communeAgency.id, unit_path: w.commune.path };
      await applyDeltas(w.db, movedDeltas(row, atIntake, { digitized: false, reused: false, storeLinked: false }));
    }
    // one still open under the centre, but the commune shows two and the centre minus one
    expect((await openByAgency()).daily).toEqual({ [w.communeAgency.id]: 2, [w.centre.id]: -1 });
    await sql.raw(migration0240).execute(w.db);
    await sql.raw(migration0250).execute(w.db);
    const one = { [w.centre.id]: 1 };
    expect(await openByAgency()).toEqual({ daily: one, monthly: one, procedureMonthly: one, yearly: one, procedureYearly: one });
  });
});
