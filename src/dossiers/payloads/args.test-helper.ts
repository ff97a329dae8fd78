// Arguments for a payload builder in a unit test: a dossier row with the given columns and a
// context whose database fails the test if a builder reads it on a path that should not.
import type { Actor, Role } from '../../platform/actor';
import type { DossierContext, DossierRow } from '../events';
import type { ActionInput } from '../model';
import type { PayloadArgs } from './common';

const untouchable = new Proxy({}, { get: (_t, key) => { throw new Error(`the database was read (${String(key)})`); } });

export const NOW = new Date('2026-03-04T03:00:00Z'); // 04/03/2026 10:00 in Vietnam

export function argsFor(input: ActionInput, o: { role?: Role; userId?: number; row?: Partial<DossierRow>; now?: Date } = {}): PayloadArgs {
  const actor = { userId: o.userId ?? 7, role: o.role ?? 'officer', scope: { kind: 'agency', agencyId: 3 } } as unknown as Actor;
  const ctx = { db: untouchable, clock: { now: () => o.now ?? NOW }, actor } as unknown as DossierContext;
  const row = { id: 1, code: '000.00.00.H20-260304-0001', status: 'processing', competent_agency_id: 3, unit_path: '/82/', ...o.row } as DossierRow;
  return { ctx, row, input, now: o.now ?? NOW };
}
