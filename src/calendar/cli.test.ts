import { describe, expect, it } from 'vitest';
import { runCalendarCommand } from './cli';
import { OFFICIAL_SCHEDULES } from './schedules';

const run = (...argv: string[]) => runCalendarCommand(argv, OFFICIAL_SCHEDULES);

describe('calendar lunar', () => {
  it('prints one human line', () => {
    expect(run('lunar', '2025-01-29')).toEqual({ stdout: '2025-01-29 → ngày 1 tháng 1 năm 2025 (âm lịch)\n', stderr: '', exitCode: 0 });
  });
  it('shows a leap month', () => {
    expect(run('lunar', '2025-07-25').stdout).toBe('2025-07-25 → ngày 1 tháng 6 nhuận năm 2025 (âm lịch)\n');
  });
  it('prints a range as JSON lines', () => {
    const out = run('lunar', '--from', '2025-01-28', '--to', '2025-01-29', '--json');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(
      '{"solar":"2025-01-28","day":29,"month":12,"year":2024,"leap":false}\n' +
        '{"solar":"2025-01-29","day":1,"month":1,"year":2025,"leap":false}\n',
    );
  });
  it('refuses an invalid date with exit code 2 and a Vietnamese message', () => {
    expect(run('lunar', '2025-13-01')).toEqual({ stdout: '', stderr: 'Lỗi: ngày không hợp lệ: 2025-13-01\n', exitCode: 2 });
  });
  it('refuses a reversed range', () => {
    expect(run('lunar', '--from', '2025-02-01', '--to', '2025-01-01').exitCode).toBe(2);
  });
});

describe('calendar holidays', () => {
  it('prints the official 2025 schedule as JSON', () => {
    const out = run('holidays', '2025', '--json');
    expect(out.exitCode).toBe(0);
    const parsed: unknown = JSON.parse(out.stdout);
    expect(parsed).toMatchObject({ year: 2025, provisional: false, makeUpDays: [{ date: '2025-04-26', reason: 'Làm bù cho ngày 02/05' }] });
  });
  it('marks a year without a schedule as provisional', () => {
    const out = run('holidays', '2027');
    expect(out.stdout).toContain('Năm 2027 — TẠM TÍNH');
    expect(out.stdout).toContain('2027-05-03 (Thứ Hai)  Nghỉ bù Quốc tế Lao động');
  });

  it('2026 --json is official, not provisional, and names its sources (issue 9 acceptance)', () => {
    const parsed = JSON.parse(run('holidays', '2026', '--json').stdout);
    expect(parsed.provisional).toBe(false);
    expect(parsed.source).toContain('9441/TB-BNV');
    expect(parsed.sources.map((s: { document: string }) => s.document)).toContain('Công văn 12729/VPCP-KGVX');
    expect(parsed.daysOff).toContainEqual({ date: '2026-04-27', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(parsed.makeUpDays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });
  it('refuses a bad year', () => {
    expect(run('holidays', '25').stderr).toBe('Lỗi: năm không hợp lệ: 25\n');
    expect(run('holidays', '25').exitCode).toBe(2);
  });
});

describe('calendar due', () => {
  it('computes the due time across Tết 2025', () => {
    expect(run('due', '--received', '2025-01-24T10:00+07:00', '--duration', '5', '--unit', 'working_days')).toEqual({
      stdout: '2025-02-07T10:00:00+07:00\n',
      stderr: '',
      exitCode: 0,
    });
  });
  it('prints JSON', () => {
    const out = run('due', '--received', '2025-01-24T10:00+07:00', '--duration', '5', '--unit', 'working_days', '--json');
    expect(JSON.parse(out.stdout)).toEqual({
      receivedAt: '2025-01-24T10:00:00+07:00',
      dueAt: '2025-02-07T10:00:00+07:00',
      duration: { value: 5, unit: 'working_days' },
      provisional: false,
    });
  });
  it('reads a UTC receipt time and applies the cut-off', () => {
    // 08:30Z = 15:30 in Vietnam, after the 15:00 cut-off
    const out = run('due', '--received', '2025-03-03T08:30Z', '--duration', '1', '--unit', 'working_days', '--cutoff', '15:00');
    expect(out.stdout).toBe('2025-03-04T17:00:00+07:00\n');
  });
  it('warns when the due date depends on a provisional year', () => {
    const out = run('due', '--received', '2027-04-15T10:00+07:00', '--duration', '1', '--unit', 'working_days', '--json');
    expect(JSON.parse(out.stdout)).toMatchObject({ dueAt: '2027-04-19T10:00:00+07:00', provisional: true });
  });
  it.each([
    [['--received', 'yesterday', '--duration', '1', '--unit', 'working_days'], 'Lỗi: thời điểm không hợp lệ: yesterday\n'],
    [['--received', '2025-01-24T10:00', '--duration', '-1', '--unit', 'working_days'], 'Lỗi: thời hạn không hợp lệ: -1\n'],
    [['--received', '2025-01-24T10:00', '--duration', '1', '--unit', 'weeks'], 'Lỗi: đơn vị không hợp lệ: weeks (working_days | working_hours | calendar_days)\n'],
    [['--received', '2025-01-24T10:00', '--duration', '1', '--unit', 'working_days', '--cutoff', '25:00'], 'Lỗi: giờ chốt không hợp lệ: 25:00\n'],
    [['--duration', '1', '--unit', 'working_days'], 'Lỗi: thiếu --received\n'],
    [['--received', '2025-01-24T10:00', '--duration', '1', '--unit', 'working_days', '--bogus'], 'Lỗi: tùy chọn không hợp lệ: --bogus\n'],
  ])('refuses %j', (argv, message) => {
    expect(run('due', ...argv)).toEqual({ stdout: '', stderr: message, exitCode: 2 });
  });
});

describe('help', () => {
  it.each(['lunar', 'holidays', 'due'])('%s --help', (command) => {
    const out = run(command, '--help');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(`motcua calendar ${command}`);
  });
  it('top-level help and unknown commands', () => {
    expect(run('--help').stdout).toContain('Cách dùng');
    expect(run('nope')).toEqual({ stdout: '', stderr: 'Lỗi: lệnh không hợp lệ: nope\n', exitCode: 2 });
  });
});
