import { describe, expect, it } from 'vitest';
import { codeFormatFor, formatDossierCode, parseDossierCode } from './codes';

const at = (iso: string) => Date.parse(iso);

describe('dossier codes', () => {
  it('formats the TT 01/2018 code with the receipt day in Vietnam time', () => {
    expect(formatDossierCode({ agencyIdentifier: '000.00.30.H20', receivedAt: at('2025-09-15T09:00:00+07:00'), serial: 1 }))
      .toEqual({ code: '000.00.30.H20-250915-0001', format: 'tt01-2018' });
  });

  it('takes the date in UTC+7: 23:30 UTC is already the next day', () => {
    expect(formatDossierCode({ agencyIdentifier: '000.00.30.H20', receivedAt: at('2026-03-01T23:30:00Z'), serial: 42 }).code)
      .toBe('000.00.30.H20-260302-0042');
  });

  it('pads the serial to 4 digits and grows it past 9999', () => {
    const base = { agencyIdentifier: '000.02.61.H20', receivedAt: at('2026-03-02T08:00:00+07:00') };
    expect(formatDossierCode({ ...base, serial: 9999 }).code).toBe('000.02.61.H20-260302-9999');
    expect(formatDossierCode({ ...base, serial: 10000 }).code).toBe('000.02.61.H20-260302-10000');
  });

  it('a centralised system (configured) uses the TT 04/2025 format with its "AA" prefix from 2026-01-25', () => {
    const central = { kind: 'central', prefix: '09' } as const;
    expect(formatDossierCode({ agencyIdentifier: 'H55.242', receivedAt: at('2026-10-08T10:00:00+07:00'), serial: 975, system: central }))
      .toEqual({ code: 'H55.242-261008-090975', format: 'tt04-2025-central' });
    expect(codeFormatFor('central', '2026-01-24')).toBeNull();
    expect(() => formatDossierCode({ agencyIdentifier: 'H55.242', receivedAt: at('2026-01-24T10:00:00+07:00'), serial: 1, system: central })).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyIdentifier: 'H55.242', receivedAt: at('2026-10-08T10:00:00+07:00'), serial: 1, system: { kind: 'central', prefix: '9' } })).toThrow(RangeError);
  });

  it('the format follows the configured system and the date, never the shape of the identifier', () => {
    // a new-style identifier in a provincial system keeps the provincial format
    expect(formatDossierCode({ agencyIdentifier: 'H55.242', receivedAt: at('2026-10-08T10:00:00+07:00'), serial: 7 }))
      .toEqual({ code: 'H55.242-261008-0007', format: 'tt01-2018' });
    // an old-style identifier in a centralised system gets the central format
    expect(formatDossierCode({ agencyIdentifier: '000.00.30.H20', receivedAt: at('2026-10-08T10:00:00+07:00'), serial: 7, system: { kind: 'central', prefix: '18' } }).code)
      .toBe('000.00.30.H20-261008-180007');
    expect(codeFormatFor('provincial', '2019-01-05')).toBeNull();
    expect(codeFormatFor('provincial', '2019-01-06')?.id).toBe('tt01-2018');
  });

  it('refuses a receipt before any format and serials below 1', () => {
    expect(() => formatDossierCode({ agencyIdentifier: 'ABC', receivedAt: at('2018-03-02T08:00:00+07:00'), serial: 1 })).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyIdentifier: '000.00.30.H20', receivedAt: at('2026-03-02T08:00:00+07:00'), serial: 0 })).toThrow(RangeError);
  });

  it('parses real-looking codes tolerantly', () => {
    expect(parseDossierCode('000.00.00.H20-230915-0001')).toEqual({ agency: '000.00.00.H20', date: '2023-09-15', serial: 1, serialText: '0001' });
    expect(parseDossierCode('H15.50.05.13-261008-0975')?.agency).toBe('H15.50.05.13');
    expect(parseDossierCode('G09.20-260201-0912345')?.serial).toBe(912345);
  });

  it('rejects malformed codes', () => {
    for (const bad of ['', '000.00.00.H20-230915-001', '000.00.00.H20-231315-0001', 'h20-230915-0001', '000.00.00.H20_230915_0001', '.H20-230915-0001', '000.00.00.H20-230915-0001 ']) {
      expect(parseDossierCode(bad)).toBeNull();
    }
  });

  it('round-trips what it formats', () => {
    const { code } = formatDossierCode({ agencyIdentifier: '000.00.30.H20', receivedAt: at('2026-12-31T16:59:00+07:00'), serial: 123 });
    expect(parseDossierCode(code)).toEqual({ agency: '000.00.30.H20', date: '2026-12-31', serial: 123, serialText: '0123' });
  });
});

describe('the kind of system is configuration', () => {
  it('MOTCUA_CODE_SYSTEM: provincial by default, central:AA, anything else refused', async () => {
    const { loadConfig } = await import('../platform/config');
    expect(loadConfig({}).codeSystem).toEqual({ kind: 'provincial' });
    expect(loadConfig({ MOTCUA_CODE_SYSTEM: 'central:09' }).codeSystem).toEqual({ kind: 'central', prefix: '09' });
    expect(() => loadConfig({ MOTCUA_CODE_SYSTEM: 'central' })).toThrow(/MOTCUA_CODE_SYSTEM/);
  });
});
