// Each inter-agency step judged against its own time (issue 17 §3): a table of concrete dates in
// Vietnam time, and the steps of the birth → residence bundle where the bundle as a whole is late
// but a step is early.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleSteps, judgeStep, type MemberStepFacts } from './steps';

const vn = (s: string): number => new Date(`${s}+07:00`).getTime();

describe('judgeStep', () => {
  // [step deadline, done at, now, judgement]
  const table: [string, string | null, string, ReturnType<typeof judgeStep>][] = [
    ['2026-04-28T10:00', '2026-04-27T16:00', '2026-05-05T10:00', 'early'], // done the working day before its deadline
    ['2026-04-28T10:00', '2026-04-28T09:00', '2026-05-05T10:00', 'onTime'], // done on the deadline's day, before its hour
    ['2026-04-28T10:00', '2026-04-28T10:00', '2026-05-05T10:00', 'onTime'], // at the very minute
    ['2026-04-28T10:00', '2026-04-28T10:01', '2026-05-05T10:00', 'late'], // a minute past
    ['2026-05-12T09:00', '2026-05-13T08:00', '2026-05-20T10:00', 'late'], // the next day
    ['2026-05-12T09:00', null, '2026-05-12T08:59', null], // not done, still within its time
    ['2026-05-12T09:00', null, '2026-05-12T09:01', 'late'], // not done, past its time: already late
  ];
  it.each(table)('deadline %s, done %s, seen %s → %s', (due, done, now, expected) => {
    expect(judgeStep(vn(due), done === null ? null : vn(done), vn(now))).toBe(expected);
  });

  it('a step that has not started (no deadline) is not judged', () => {
    expect(judgeStep(null, null, vn('2026-12-31T00:00'))).toBeNull();
  });

  it('a step done is judged the same whenever it is seen', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), (due, done, a, b) => {
      expect(judgeStep(due, done, a)).toBe(judgeStep(due, done, b));
      expect(judgeStep(due, done, a) === 'late').toBe(done > due);
    }));
  });
});

describe('bundleSteps', () => {
  const members: MemberStepFacts[] = [
    {
      key: 'birth', name: 'Đăng ký khai sinh', code: 'B-1', agencyName: 'UBND xã Tân Hồng', waitsFor: null, mode: 'paper',
      startedAt: vn('2026-04-24T10:00'), dueAt: vn('2026-04-28T10:00'), finishedAt: vn('2026-04-27T16:00'), allotted: { value: 1, unit: 'working_days' },
    },
    {
      key: 'residence', name: 'Đăng ký thường trú', code: 'R-1', agencyName: 'Công an xã Tân Hồng', waitsFor: 'birth', mode: 'electronic',
      startedAt: vn('2026-04-27T16:00'), dueAt: vn('2026-05-08T16:00'), finishedAt: vn('2026-05-08T15:00'), allotted: { value: 7, unit: 'working_days' },
    },
    {
      key: 'healthInsurance', name: 'Cấp thẻ BHYT', code: 'H-1', agencyName: 'BHXH tỉnh', waitsFor: null, mode: 'electronic',
      startedAt: vn('2026-04-24T10:00'), dueAt: vn('2026-05-06T10:00'), finishedAt: null, allotted: { value: 5, unit: 'working_days' },
    },
  ];

  it('hands each member over from its prerequisite\'s agency, else from the one-stop, and judges it against its own deadline', () => {
    // seen on Thu 07/05/2026: the bundle's 3 working days ran out on 04/05, yet birth was early and residence on time
    const steps = bundleSteps(members, 'Bưu điện văn hóa xã Tân Hồng', vn('2026-05-07T09:00'));
    expect(steps.map((s) => [s.key, s.from, s.to, s.mode, s.result])).toEqual([
      ['birth', 'Bưu điện văn hóa xã Tân Hồng', 'UBND xã Tân Hồng', 'paper', 'early'],
      ['residence', 'UBND xã Tân Hồng', 'Công an xã Tân Hồng', 'electronic', 'onTime'],
      // not done, past its own deadline (06/05 10:00)
      ['healthInsurance', 'Bưu điện văn hóa xã Tân Hồng', 'BHXH tỉnh', 'electronic', 'late'],
    ]);
    expect(steps[1]).toMatchObject({ task: 'Đăng ký thường trú', handedAt: vn('2026-04-27T16:00'), allotted: { value: 7, unit: 'working_days' }, dueAt: vn('2026-05-08T16:00'), doneAt: vn('2026-05-08T15:00') });
  });

  it('a member still waiting has no hand-off time, no deadline and no judgement', () => {
    const waiting = members.map((m) => (m.key === 'residence' ? { ...m, startedAt: null, dueAt: null, finishedAt: null } : m));
    expect(bundleSteps(waiting, 'Một cửa', vn('2026-06-01T09:00'))[1]).toMatchObject({ handedAt: null, dueAt: null, doneAt: null, result: null });
  });
});
