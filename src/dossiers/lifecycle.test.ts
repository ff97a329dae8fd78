import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../accounts/model';
import {
  actions, allowedActions, applyAction, checkAction, initialState, isTerminal, statuses, syncCode, terminalStatuses,
  transitions, type Action, type LifecycleState,
} from './lifecycle';

const run = (start: 'submitted' | 'received', steps: readonly Action[]): LifecycleState =>
  steps.reduce((s, a) => {
    const role = transitions[a].roles[0];
    if (role === undefined || checkAction(s, a, role) !== null) throw new Error(`${a} refused in ${s.status}`);
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
        expect((t.roles as readonly string[]).includes(role)).toBe(true);
        const next = applyAction(s, a);
        expect(statuses).toContain(next.status);
        if (t.to !== 'same' && t.to !== 'resume') expect(next.status).toBe(t.to);
        if (t.to === 'same') expect(next.status).toBe(s.status);
        s = next;
        expect(s.supplementCount).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('terminal statuses accept nothing from anyone', () => {
    fc.assert(fc.property(fc.constantFrom(...terminalStatuses), arbAction, arbRole, (status, a, role) => {
      const s = { ...initialState('received'), status };
      expect(isTerminal(status)).toBe(true);
      expect(checkAction(s, a, role)).not.toBeNull();
    }));
  });

  it('allowedActions lists exactly the actions checkAction accepts', () => {
    fc.assert(fc.property(fc.constantFrom(...statuses), arbRole, fc.boolean(), fc.boolean(), fc.nat(2), (status, role, approved, apologyUsed, n) => {
      const s: LifecycleState = { status, statusBeforeSupplement: null, supplementCount: n, apologyUsed, approved };
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
