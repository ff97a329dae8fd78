import { describe, expect, it } from 'vitest';
import { rolePermissions } from '../../../src/accounts/model';
import { queueViewFor } from './queueFilters';

const as = (role: keyof typeof rolePermissions) => queueViewFor({ permissions: [...rolePermissions[role]] });

describe('the work list each desk opens on', () => {
  it('the approver opens on what awaits their approval', () => {
    expect(as('approver').initial).toBe('awaitingApproval');
    expect(as('approver').filters[0]).toBe('awaitingApproval');
  });

  it('the officer works by deadline and sees what was submitted for approval', () => {
    expect(as('officer')).toEqual({ filters: ['all', 'dueSoon', 'overdue', 'awaitingSupplement', 'awaitingApproval'], initial: 'all' });
  });

  it('the clerk sees what to hand over, what awaits a supplement and the results ready here', () => {
    expect(as('clerk').filters).toEqual(expect.arrayContaining(['awaitingHandover', 'awaitingSupplement', 'resultReady', 'dueSoon', 'overdue']));
    expect(as('clerk').filters).not.toContain('awaitingApproval');
  });
});
