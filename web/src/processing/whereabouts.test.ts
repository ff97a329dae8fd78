import { describe, expect, it } from 'vitest';
import { dossierStatuses } from './api';
import { holderOf, isDangerous, orderActions } from './whereabouts';

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
