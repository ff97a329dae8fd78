// Figures that must agree with each other on the simulated pilot (issue 9 §2, §3): the breakdown
// by procedure sums to the channel totals; the dashboard's overdue and at-risk counts are the
// supervision lists' totals; the supervisor of the new province (82, after the 2025 reform) finds
// the old province's dossiers in search as the reports count them.
import { describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, searchDossiers } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { reportBreakdown, reportSummary } from './service';
import { simulatedReportsApp } from './simulated-app.test-helper';
import { supervisedDossiers } from '../supervision/service';
import { unitActor } from '../../test/http';

const province82: Actor = unitActor('supervisor', 1, '/82/');
const province87: Actor = unitActor('supervisor', 2, '/87/');

const sim = simulatedReportsApp({ seed: 5, dossiers: 1500, actors: {} });
const ctx = (actor: Actor) => ({ db: sim.t.db, clock: sim.clock, actor });
const period = { from: '2018-08-01', to: '2022-08-11' };

describe('figures that agree', () => {
  it('the breakdown by procedure sums to the channel totals (online, postal, all)', async () => {
    const s = await reportSummary(ctx(province87), period);
    const { rows } = await reportBreakdown(ctx(province87), { ...period, by: 'procedure' });
    expect(s.receivedOnline).toBeGreaterThan(0);
    expect(s.receivedPostal).toBeGreaterThan(0);
    expect(rows.reduce((n, r) => n + r.received, 0)).toBe(s.received);
    expect(rows.reduce((n, r) => n + r.online, 0)).toBe(s.receivedOnline);
    expect(rows.reduce((n, r) => n + r.postal, 0)).toBe(s.receivedPostal);
    const byChannel = (await reportBreakdown(ctx(province87), { ...period, by: 'channel' })).rows;
    expect(byChannel.find((r) => r.key === 'online')?.received).toBe(s.receivedOnline);
  });

  it('the dashboard counts as overdue and at risk exactly what supervision lists', async () => {
    for (const actor of [province87, province82]) {
      const s = await reportSummary(ctx(actor), period);
      const overdue = await supervisedDossiers(ctx(actor), 'overdue', { limit: 1 });
      const atRisk = await supervisedDossiers(ctx(actor), 'atRisk', { limit: 1 });
      expect(s.openNow.overdue).toBeGreaterThan(0);
      expect(overdue.total).toBe(s.openNow.overdue);
      expect(atRisk.total).toBe(s.openNow.atRisk);
    }
  });

  it('the province-82 supervisor finds the old province\'s dossiers in search, as many as the reports count', async () => {
    const s = await reportSummary(ctx(province82), period);
    expect(s.received).toBe(1500);
    // the search counts up to its cap (a lower bound beyond it); its pages, followed to the end, hold them all
    const first = await searchDossiers(ctx(province82), { limit: 1 });
    expect(first.total).toBe(Math.min(1500, SEARCH_COUNT_CAP));
    expect(first.totalIsLowerBound).toBe(1500 > SEARCH_COUNT_CAP);
    let page = await searchDossiers(ctx(province82), { limit: 500 });
    let found = page.items.length;
    while (page.next !== null) {
      page = await searchDossiers(ctx(province82), { limit: 500, after: page.next });
      found += page.items.length;
    }
    expect(found).toBe(1500);
    const one = await sim.t.db.selectFrom('dossiers').select(['applicant_name', 'code']).orderBy('id').executeTakeFirstOrThrow();
    const byName = await searchDossiers(ctx(province82), { name: one.applicant_name, limit: 200 });
    expect(byName.items.map((i) => i.code)).toContain(one.code);
  });
});
