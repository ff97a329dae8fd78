import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles, rolesWith } from '../accounts/model';
import {
  actions, allowedActions, applyAction, changesStatus, checkAction, initialState, isDislike, isRatingStars, isTerminal, statuses,
  syncCode, terminalStatuses, transitions, actionPermissions, type Action, type LifecycleState,
} from './lifecycle';

const run = (start: 'submitted' | 'received', steps: readonly Action[]): LifecycleState =>
  steps.reduce((s, a) => {
    const role = rolesWith(actionPermissions[a]).find((r) => checkAction(s, a, r) === null);
    if (role === undefined) throw new Error(`${a} refused in ${s.status}`);
    return applyAction(s, a);
  }, initialState(start));

describe('dossier lifecycle', () => {
  it('has exactly these terminal statuses', () => {
    expect([...terminalStatuses].sort()).toEqual(['refused', 'rejected', 'returned', 'stopped', 'withdrawn']);
  });

  it('maps statuses to the national sync codes', () => {
    expect(syncCode.submitted).toBe(1);
    expect(syncCode.received).toBe(2);
    expect(syncCode.refused).toBe(3);
    expect(syncCode.processing).toBe(4);
    expect(syncCode.awaitingSupplement).toBe(5);
    expect(syncCode.awaitingPayment).toBe(6);
    expect(syncCode.withdrawn).toBe(7);
    expect(syncCode.stopped).toBe(8);
    expect(syncCode.rejected).toBe(8);
    expect(syncCode.resultReady).toBe(9);
    expect(syncCode.returned).toBe(10);
  });

  it('walks the counter path to returned', () => {
    const s = run('received', ['forward', 'assign', 'approve', 'markResultReady', 'return']);
    expect(s.status).toBe('returned');
  });

  it('resumes to where the supplement was requested from', () => {
    expect(run('submitted', ['requestSupplement', 'supplementReceived']).status).toBe('submitted');
    expect(run('received', ['forward', 'requestSupplement', 'supplementReceived']).status).toBe('processing');
  });

  it('once the agency appraises, only the agency asks for a supplement or stops; before, the one-stop does', () => {
    const atAgency = run('received', ['forward']);
    expect(checkAction(atAgency, 'requestSupplement', 'clerk')).toBe('AGENCY_DECIDES');
    expect(checkAction(atAgency, 'stop', 'clerk')).toBe('AGENCY_DECIDES');
    expect(checkAction(atAgency, 'requestSupplement', 'officer')).toBeNull();
    expect(checkAction(atAgency, 'stop', 'approver')).toBeNull();
    expect(checkAction(run('received', ['forward', 'requestPayment']), 'stop', 'clerk')).toBe('AGENCY_DECIDES');
    // the supplement the agency asked for is still received where the applicant brings it
    expect(checkAction(run('received', ['forward', 'requestSupplement']), 'supplementReceived', 'clerk')).toBeNull();
    // at the one-stop, before forwarding: its own decisions
    expect(checkAction(initialState('submitted'), 'requestSupplement', 'clerk')).toBeNull();
    expect(checkAction(initialState('received'), 'stop', 'clerk')).toBeNull();
  });

  it('refuses a second supplement request', () => {
    const s = run('received', ['forward', 'requestSupplement', 'supplementReceived']);
    expect(checkAction(s, 'requestSupplement', 'officer')).toBe('SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('refuses a second apology', () => {
    const s = run('received', ['forward', 'apologize']);
    expect(checkAction(s, 'apologize', 'approver')).toBe('APOLOGY_ALREADY_USED');
  });

  it('needs the approval before the result is ready', () => {
    const s = run('received', ['forward']);
    expect(checkAction(s, 'markResultReady', 'officer')).toBe('RESULT_NOT_APPROVED');
    expect(checkAction(applyAction(s, 'approve'), 'markResultReady', 'officer')).toBeNull();
  });

  it('refuses roles not in the table before looking at the status', () => {
    const s = initialState('received');
    expect(checkAction(s, 'approve', 'clerk')).toBe('ACTION_NOT_ALLOWED_FOR_ROLE');
    expect(checkAction(s, 'approve', 'approver')).toBe('INVALID_TRANSITION');
    expect(allowedActions(s, 'supervisor')).toEqual([]);
    expect(allowedActions(s, 'admin')).toEqual(['recomputeDue']); // only the deliberate re-computation of the due time
  });

  const arbAction = fc.constantFrom(...actions);
  const arbRole = fc.constantFrom(...roles);

  it('never leaves the table on random action sequences', () => {
    fc.assert(fc.property(fc.constantFrom('submitted' as const, 'received' as const), fc.array(fc.tuple(arbAction, arbRole), { maxLength: 40 }), (start, steps) => {
      let s = initialState(start);
      for (const [a, role] of steps) {
        if (checkAction(s, a, role) !== null) continue;
        const t = transitions[a];
        expect((t.from as readonly string[]).includes(s.status)).toBe(true);
        expect(rolesWith(actionPermissions[a]).includes(role)).toBe(true);
        const next = applyAction(s, a);
        expect(statuses).toContain(next.status);
        if (t.to !== 'same' && t.to !== 'resume') expect(next.status).toBe(t.to);
        if (t.to === 'same') expect(next.status).toBe(s.status);
        s = next;
        expect(s.supplementCount).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('terminal statuses accept nothing from anyone once the dossier is rated, but the electronic result of a returned one', () => {
    fc.assert(fc.property(fc.constantFrom(...terminalStatuses), arbAction, arbRole, (status, a, role) => {
      const s = { ...initialState('received'), status, rated: true };
      expect(isTerminal(status)).toBe(true);
      const lateResult = a === 'attachResult' && status === 'returned' && (role === 'officer' || role === 'approver');
      expect(checkAction(s, a, role) === null).toBe(lateResult);
    }));
  });

  it('terminal statuses accept only the rating and, once returned, the electronic result — both leave them terminal', () => {
    fc.assert(fc.property(fc.constantFrom(...terminalStatuses), arbAction, arbRole, (status, a, role) => {
      const s = { ...initialState('received'), status };
      expect(isTerminal(status)).toBe(true);
      if (checkAction(s, a, role) !== null) return;
      expect(['rate', 'attachResult']).toContain(a);
      if (a === 'rate') {
        expect(['returned', 'rejected']).toContain(status);
        expect(['citizen', 'clerk']).toContain(role);
      } else {
        // the agency's signed electronic result may follow a paper result already handed over
        expect(status).toBe('returned');
        expect(['officer', 'approver']).toContain(role);
      }
      expect(changesStatus(a)).toBe(false);
      const next = applyAction(s, a);
      expect(next.status).toBe(status);
      expect(isTerminal(next.status)).toBe(true);
    }));
  });

  it('allowedActions lists exactly the actions checkAction accepts', () => {
    fc.assert(fc.property(fc.constantFrom(...statuses), arbRole, fc.boolean(), fc.boolean(), fc.nat(2), fc.boolean(), (status, role, approved, apologyUsed, n, rated) => {
      const s: LifecycleState = { status, statusBeforeSupplement: null, supplementCount: n, apologyUsed, approved, rated };
      const allowed = allowedActions(s, role);
      for (const a of actions) expect(allowed.includes(a)).toBe(checkAction(s, a, role) === null);
    }));
  });

  it('every non-terminal status can reach a terminal one', () => {
    for (const status of statuses) {
      if (isTerminal(status)) continue;
      const seen = new Set<string>([status]);
      const queue: LifecycleState[] = [{ ...initialState('received'), status }];
      let reached = false;
      while (queue.length > 0 && !reached) {
        const s = queue.shift();
        if (!s) break;
        for (const a of actions) for (const r of roles) {
          if (checkAction(s, a, r) !== null) continue;
          const n = applyAction(s, a);
          if (isTerminal(n.status)) reached = true;
          const key = JSON.stringify(n);
          if (!seen.has(key)) { seen.add(key); queue.push(n); }
        }
      }
      expect(reached, status).toBe(true);
    }
  });
});

describe('the satisfaction rating', () => {
  const returned = () => run('received', ['forward', 'approve', 'markResultReady', 'return']);

  it('is allowed once, after the result, to the applicant and to the clerk, and keeps the status', () => {
    const ready = run('received', ['forward', 'approve', 'markResultReady']);
    expect(checkAction(ready, 'rate', 'citizen')).toBeNull();
    const rated = applyAction(ready, 'rate');
    expect(rated).toMatchObject({ status: 'resultReady', rated: true });
    expect(checkAction(rated, 'rate', 'clerk')).toBe('ALREADY_RATED');
    // rated at the counter before the hand-over: the result can still be returned
    expect(checkAction(rated, 'return', 'clerk')).toBeNull();
    expect(applyAction(rated, 'return')).toMatchObject({ status: 'returned', rated: true });
    expect(checkAction(applyAction(rated, 'return'), 'rate', 'citizen')).toBe('ALREADY_RATED');
    expect(checkAction(returned(), 'rate', 'clerk')).toBeNull();
  });

  it('refuses a rating before the result, and after a refusal, a withdrawal or a stop', () => {
    expect(checkAction(run('received', ['forward']), 'rate', 'citizen')).toBe('INVALID_TRANSITION');
    expect(checkAction(run('submitted', ['refuse']), 'rate', 'citizen')).toBe('INVALID_TRANSITION');
    expect(checkAction(run('received', ['withdraw']), 'rate', 'citizen')).toBe('INVALID_TRANSITION');
    expect(checkAction(run('received', ['stop']), 'rate', 'clerk')).toBe('INVALID_TRANSITION');
    expect(checkAction(run('received', ['forward', 'reject']), 'rate', 'citizen')).toBeNull();
  });

  it('refuses roles other than the applicant and the clerk', () => {
    for (const role of ['officer', 'approver', 'courier', 'supervisor', 'admin'] as const) {
      expect(checkAction(returned(), 'rate', role)).toBe('ACTION_NOT_ALLOWED_FOR_ROLE');
    }
  });

  it('counts 1 and 2 stars as a dislike, and only whole stars from 1 to 5', () => {
    expect([1, 2, 3, 4, 5].map(isDislike)).toEqual([true, true, false, false, false]);
    expect([0, 1, 2.5, 5, 6, '4', null].map(isRatingStars)).toEqual([false, true, false, true, false, false, false]);
  });
});
