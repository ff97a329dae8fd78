// Where a dossier is, said in the clerk's words, and which actions end it against the applicant.
// Pure (the screens render; the tests read these).
import type { DossierAction, DossierDetail, DossierStatus } from './api';

/** Who holds the dossier now: the receiving one-stop, the competent agency, the applicant, or no one (finished). */
export type Holder = 'oneStop' | 'agency' | 'applicant' | 'none';

const holders = {
  submitted: 'oneStop',
  received: 'oneStop',
  processing: 'agency',
  awaitingApproval: 'agency',
  awaitingPayment: 'agency',
  // the applicant brings the papers (to the one-stop, which records them)
  awaitingSupplement: 'applicant',
  // the result is back at the one-stop, to be handed over (ND 61 art. 20)
  resultReady: 'oneStop',
  returned: 'none',
  refused: 'none',
  rejected: 'none',
  withdrawn: 'none',
  stopped: 'none',
} as const satisfies Record<DossierStatus, Holder>;

export const holderOf = (status: DossierStatus): Holder => holders[status];

/**
 * When and to whom the one-stop handed the dossier over (ND 61 art. 18): its latest `forward` — the
 * clerk's "Chuyển đến …", the system's electronic hand-over, or the post's hand-over record signed at
 * the agency. Null while it is still at the one-stop.
 */
export function handedOver(d: Pick<DossierDetail, 'timeline' | 'competentAgency'>): { readonly agencyName: string; readonly at: string } | null {
  const last = d.timeline.filter((e) => e.action === 'forward').at(-1);
  if (!last) return null;
  const named = last.payload.toAgencyName;
  return { agencyName: typeof named === 'string' && named !== '' ? named : d.competentAgency.name, at: last.at };
}

/**
 * Actions that end or stop a dossier against the applicant's wish or without a result (refusal,
 * rejection after appraisal, stop, withdrawal): shown apart, in red, and confirmed in a second step.
 */
export const dangerousActions: readonly DossierAction[] = ['refuse', 'reject', 'stop', 'withdraw'];
export const isDangerous = (action: DossierAction): boolean => dangerousActions.includes(action);

/**
 * The order of the actions offered: the step that moves the dossier forward first (the primary
 * button), bookkeeping after, the dangerous ones apart at the end.
 */
const mainStep: readonly DossierAction[] = ['receive', 'forward', 'supplementReceived', 'paymentReceived', 'submitForApproval', 'approve', 'markResultReady', 'return', 'assign'];

/** Actions with their own part of the dossier page (the electronic result: web/src/documents), not a button of the action bar. */
const ownPartActions: readonly DossierAction[] = ['attachResult'];

export function orderActions(all: readonly DossierAction[]): { readonly primary: DossierAction | null; readonly others: DossierAction[]; readonly dangerous: DossierAction[] } {
  const actions = all.filter((a) => !ownPartActions.includes(a));
  const ordinary = actions.filter((a) => !isDangerous(a));
  const primary = mainStep.find((a) => ordinary.includes(a)) ?? ordinary[0] ?? null;
  return { primary, others: ordinary.filter((a) => a !== primary), dangerous: actions.filter(isDangerous) };
}
