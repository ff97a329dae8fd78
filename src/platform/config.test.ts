// Every setting is read once, here: escalation, jobs and the response check among them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION, loadConfig } from './config';

describe('configuration', () => {
  it('reads the escalation settings and the jobs switch from the environment', () => {
    const c = loadConfig({ MOTCUA_ESCALATION_EVERY_MINUTES: '5', MOTCUA_ESCALATION_AT_RISK_WORKING_HOURS: '4', MOTCUA_ESCALATION_OVERDUE_LOOKBACK_DAYS: '90', MOTCUA_JOBS: 'off' });
    expect(c.escalation).toEqual({ everyMinutes: 5, atRiskWorkingMinutes: 240, overdueLookbackDays: 90, batchSize: 200 });
    expect(c.jobs).toBe(false);
    expect(loadConfig({}).escalation).toEqual(DEFAULT_ESCALATION);
    expect(loadConfig({}).jobs).toBe(true);
    expect(loadConfig({}).responseCheck).toBe('off');
  });

  it('refuses a setting out of range with a Vietnamese message naming it', () => {
    expect(() => loadConfig({ MOTCUA_ESCALATION_EVERY_MINUTES: '0' })).toThrow(/MOTCUA_ESCALATION_EVERY_MINUTES=0 \(số nguyên 1–60\)/);
    expect(() => loadConfig({ MOTCUA_ESCALATION_AT_RISK_WORKING_HOURS: 'x' })).toThrow(/Cấu hình không hợp lệ/);
    expect(() => loadConfig({ MOTCUA_RESPONSE_CHECK: 'maybe' })).toThrow(/MOTCUA_RESPONSE_CHECK/);
  });
});
