// The sharding key in every query (issue 16 §5, docs/scale.md "The query guard"): the main flows
// (test/sharding-flows.ts) run through the app's services with the app's own dossier hooks while
// every statement sent through `pg` is recorded (test/sharding-sql.ts). Each statement touching a
// distributed table must name `province_code`, look one row up by its key, or be listed in
// test/sharding-allowlist.ts with why. A new unlisted statement fails; so does a listed one that
// no flow sends any more (the list stays true), and any INSERT into a distributed table that does
// not set `province_code` itself (no trigger fills it since 0225). The background jobs have their
// own guard over the same classes: test/sharding-jobs.test.ts.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../src/dossiers/world.test-helper';
import { useTempFiles } from '../src/postal/files.test-helper';
import { ALLOWED } from './sharding-allowlist';
import { mainFlows } from './sharding-flows';
import { findings, insertsSetProvince, keyOf, recordSql, type Finding } from './sharding-sql';

const { w } = useWorld('2026-04-29T07:00:00+07:00');
const files = useTempFiles();

describe('the sharding key in the SQL of the main flows', () => {
  it('names the province, looks a row up by its key, or is a listed cross-province query', async () => {
    await sql`UPDATE procedures SET cutoff = '15:00' WHERE code = ${w.procedureCode}`.execute(w.db);
    const recorder = recordSql();
    try {
      await mainFlows(w, files);
    } finally {
      recorder.stop();
    }
    const found = findings(recorder.sent);
    if (process.env.SHARDING_SQL_PRINT) console.log(JSON.stringify(found, null, 1));
    // the flows ran: intake, hand-over and reads were all seen
    expect(found.some((f) => f.tables.includes('dossier_papers') && f.verdict === 'province')).toBe(true);
    expect(found.some((f) => f.tables.includes('postal_handover_records'))).toBe(true);
    // every insert into a distributed table sets province_code itself
    expect(recorder.sent.filter((s) => insertsSetProvince(s.text) === false).map((s) => `${s.site}: ${s.text.slice(0, 120)}`)).toEqual([]);

    const unscoped = found.filter((f) => f.verdict === 'unscoped');
    const unlisted = unscoped.filter((f) => !(keyOf(f) in ALLOWED)).map((f: Finding) => `${keyOf(f)} — ${f.example}`);
    expect(unlisted, 'statements over distributed tables without province_code, not in test/sharding-allowlist.ts').toEqual([]);
    const seen = new Set(unscoped.map(keyOf));
    expect(Object.keys(ALLOWED).filter((k) => !seen.has(k)), 'allowlist entries no flow sends any more').toEqual([]);
  });
});
