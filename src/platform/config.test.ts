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

  it('reads the rate limits (requests a minute per client) from the environment', () => {
    expect(loadConfig({}).rateLimits).toEqual({ login: 20, track: 30, transparency: 60, catalog: 600 });
    const c = loadConfig({ MOTCUA_RATE_LIMIT_LOGIN: '5', MOTCUA_RATE_LIMIT_TRACK: '10', MOTCUA_RATE_LIMIT_TRANSPARENCY: '120', MOTCUA_RATE_LIMIT_CATALOG: '2000' });
    expect(c.rateLimits).toEqual({ login: 5, track: 10, transparency: 120, catalog: 2000 });
    expect(() => loadConfig({ MOTCUA_RATE_LIMIT_LOGIN: '0' })).toThrow(/MOTCUA_RATE_LIMIT_LOGIN=0 \(số nguyên 1–100000\)/);
    expect(() => loadConfig({ MOTCUA_RATE_LIMIT_TRACK: 'nhiều' })).toThrow(/MOTCUA_RATE_LIMIT_TRACK/);
  });
});
