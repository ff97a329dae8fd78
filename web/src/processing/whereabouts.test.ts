import { describe, expect, it } from 'vitest';
import { dossierStatuses } from './api';
import { handedOver, holderOf, isDangerous, orderActions } from './whereabouts';

describe('where the dossier is', () => {
  it.each([
    ['received', 'oneStop'], ['processing', 'agency'], ['awaitingApproval', 'agency'], ['awaitingSupplement', 'applicant'],
    ['resultReady', 'oneStop'], ['returned', 'none'],
  ] as const)('%s → %s', (status, holder) => {
    expect(holderOf(status)).toBe(holder);
  });

  it('every status has a holder', () => {
    for (const s of dossierStatuses) expect(['oneStop', 'agency', 'applicant', 'none']).toContain(holderOf(s));
  });
});

describe('the actions offered', () => {
  it('the step that moves the dossier on is the one primary action; the dangerous ones are apart', () => {
    expect(orderActions(['assign', 'requestSupplement', 'submitForApproval', 'reject', 'stop', 'apologize']))
      .toEqual({ primary: 'submitForApproval', others: ['assign', 'requestSupplement', 'apologize'], dangerous: ['reject', 'stop'] });
    expect(orderActions(['forward', 'withdraw', 'stop'])).toEqual({ primary: 'forward', others: [], dangerous: ['withdraw', 'stop'] });
    expect(orderActions(['rate'])).toEqual({ primary: 'rate', others: [], dangerous: [] });
    expect(orderActions(['withdraw'])).toEqual({ primary: null, others: [], dangerous: ['withdraw'] });
  });

  it('refusal, rejection, stop and withdrawal are dangerous; approval is not', () => {
    expect(['refuse', 'reject', 'stop', 'withdraw'].every((a) => isDangerous(a as never))).toBe(true);
    expect(isDangerous('approve')).toBe(false);
  });
});

describe('handed over to the agency', () => {
  const event = (seq: number, action: string, at: string, payload: Record<string, unknown> = {}) => ({ seq, at, action, label: action, status: null, actorRole: null, payload });
  const agency = { identifier: '000.58.61.H20', name: 'Ủy ban nhân dân xã Tân Hồng' };

  it('is the latest forward: the post\'s hand-over record signed at 09:10 on 05/05/2026', () => {
    const timeline = [
      event(1, 'received', '2026-05-04T08:30:00.000Z'),
      event(2, 'forward', '2026-05-05T02:10:00.000Z', { toAgencyName: 'Ủy ban nhân dân xã Lấp Vò', byPost: { recordNumber: '0001/BBGN-2026' } }),
    ];
    expect(handedOver({ timeline, competentAgency: agency })).toEqual({ agencyName: 'Ủy ban nhân dân xã Lấp Vò', at: '2026-05-05T02:10:00.000Z' });
  });

  it('is nothing while the dossier is still at the one-stop', () => {
    expect(handedOver({ timeline: [event(1, 'received', '2026-05-04T08:30:00.000Z')], competentAgency: agency })).toBeNull();
  });

  it('names the competent agency when the event does not', () => {
    expect(handedOver({ timeline: [event(2, 'forward', '2026-05-04T09:00:00.000Z')], competentAgency: agency })?.agencyName).toBe(agency.name);
  });
});
