// Actions that another capability refuses on a dossier beside its state machine — a bundle's member
// that waits for another's result, or that another member waits for (src/bundles/member-actions.ts,
// enforced in its hook) — read by the dossier's page so that it offers only what the server allows.
import type { Database } from '../platform/db/connect';

/** The actions refused on the dossier now (read-only; the actor already reads the dossier). */
export type ActionRefusalSource = (db: Database, dossier: { readonly id: number; readonly code: string }) => Promise<ReadonlySet<string>>;
