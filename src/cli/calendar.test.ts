// `motcua calendar …` as a user runs it: a real process, exact output and exit codes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function motcua(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', TZ: 'America/Los_Angeles', ...env },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** each case spawns `motcua` (tsx compiles the CLI: ~20 s per process on a loaded 2-core machine) */
const SPAWNS_MS = { timeout: 120_000 };

describe('motcua calendar (official schedules, no database)', SPAWNS_MS, () => {
  it('computes a due time across the 2025 Tết break', () => {
    expect(motcua(['calendar', 'due', '--received', '2025-01-24T10:00+07:00', '--duration', '5', '--unit', 'working_days']))
      .toEqual({ stdout: '2025-02-07T10:00:00+07:00\n', stderr: '', status: 0 });
  });

  it('converts a solar date to the lunar calendar', () => {
    expect(motcua(['calendar', 'lunar', '2025-01-29']))
      .toEqual({ stdout: '2025-01-29 → ngày 1 tháng 1 năm 2025 (âm lịch)\n', stderr: '', status: 0 });
  });

  it('prints a range of lunar dates as JSON lines', () => {
    expect(motcua(['calendar', 'lunar', '--from', '2025-01-28', '--to', '2025-01-30', '--json'])).toEqual({
      stdout: '{"solar":"2025-01-28","day":29,"month":12,"year":2024,"leap":false}\n'
        + '{"solar":"2025-01-29","day":1,"month":1,"year":2025,"leap":false}\n'
        + '{"solar":"2025-01-30","day":2,"month":1,"year":2025,"leap":false}\n',
      stderr: '',
      status: 0,
    });
  });

  it('2026 is the official schedule, not provisional, and names its sources; 2027 is provisional', () => {
    const out = motcua(['calendar', 'holidays', '2026', '--json']);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    const parsed = JSON.parse(out.stdout) as { year: number; provisional: boolean; source: string; sources: { document: string }[]; daysOff: { date: string }[] };
    expect(parsed).toMatchObject({ year: 2026, provisional: false });
    expect(parsed.sources.map((s) => s.document)).toEqual(['Công văn 12729/VPCP-KGVX', 'Thông báo 9441/TB-BNV', 'Bộ luật Lao động 45/2019/QH14, Điều 112 và Điều 111.3']);
    expect(parsed.daysOff.map((d) => d.date)).toContain('2026-02-17');
    const next = JSON.parse(motcua(['calendar', 'holidays', '2027', '--json']).stdout) as { provisional: boolean };
    expect(next.provisional).toBe(true);
  });

  it.each([
    [['calendar', 'due', '--received', 'nope', '--duration', '5', '--unit', 'working_days'], 'Lỗi: thời điểm không hợp lệ: nope\n'],
    [['calendar', 'lunar', '2025-13-01'], 'Lỗi: ngày không hợp lệ: 2025-13-01\n'],
    [['calendar', 'holidays'], 'Lỗi: cần đúng một năm\n'],
    [['calendar', 'bogus'], 'Lỗi: lệnh không hợp lệ: bogus\n'],
  ])('exits 2 with one line on bad arguments: %j', (args, stderr) => {
    expect(motcua(args)).toEqual({ stdout: '', stderr, status: 2 });
  });
});

describe('motcua calendar --from-db', SPAWNS_MS, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insertInto('calendar_schedules').values({
      year: 2026, version: 1, source: 'Thông báo thử nghiệm 2026',
      days_off: JSON.stringify([{ date: '2026-02-16', reason: 'Tết Nguyên đán' }]), make_up_days: JSON.stringify([]),
      note: null, created_by: null, created_by_name: null,
    }).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uses the stored schedule of a year instead of the statutory rule', () => {
    const out = motcua(['calendar', 'holidays', '2026', '--json', '--from-db'], { DATABASE_URL: t.url });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      year: 2026, provisional: false, source: 'Thông báo thử nghiệm 2026', sources: [],
      daysOff: [{ date: '2026-02-16', reason: 'Tết Nguyên đán' }], makeUpDays: [],
    });
  });

  it('still falls back to the shipped schedules for other years', () => {
    const out = motcua(['calendar', 'due', '--from-db', '--received', '2025-01-24T10:00+07:00', '--duration', '5', '--unit', 'working_days'], { DATABASE_URL: t.url });
    expect(out).toEqual({ stdout: '2025-02-07T10:00:00+07:00\n', stderr: '', status: 0 });
  });
});
