// "Hồ sơ của tôi" (issue 15 §1): one of the signed-in citizen's dossiers, its status and its steps
// in the citizen's words — received, forwarded, supplement requested with what is missing, paid,
// result ready, sent by post with the tracking number, returned — from the dossier as the citizen
// may read it (dossiers' scope: 404 for anyone else's; the payloads already cut to what is
// addressed to them). No internal notes, no staff names, no internal steps (assignment,
// consultation, approval).
import { assertCan } from '../accounts/policy';
import { getDossier, type DossierDetail } from '../dossiers/service';
import type { ServiceContext } from '../platform/context';
import { resultTrackingNumbers } from '../postal/service';

export const citizenStepKinds = [
  'submitted', 'received', 'refused', 'forwarded', 'supplementRequested', 'supplementReceived', 'paymentRequested', 'paid',
  'apologized', 'resultReady', 'rejected', 'sentByPost', 'returned', 'withdrawn', 'stopped',
] as const;
export type CitizenStepKind = (typeof citizenStepKinds)[number];

export interface CitizenStep {
  readonly kind: CitizenStepKind;
  readonly at: string;
  /** what is missing (supplement requested) */
  readonly items?: string[];
  /** the reason addressed to the citizen (refused, rejected, stopped, supplement, apology) */
  readonly reason?: string;
  /** a new or promised date (supplement due by, apology's new due date) */
  readonly dueAt?: string;
  /** the result's parcel (sent by post) */
  readonly trackingNumber?: string;
}

export interface MyDossierTimeline {
  readonly code: string;
  readonly status: DossierDetail['status'];
  readonly statusLabel: string;
  readonly procedureName: string;
  readonly dueAt: string | null;
  readonly steps: CitizenStep[];
}

/** The citizen's step of each event they may see; internal events give none. */
const kindOfAction: Readonly<Record<string, CitizenStepKind>> = {
  submitted: 'submitted', received: 'received', receive: 'received', refuse: 'refused', forward: 'forwarded',
  requestSupplement: 'supplementRequested', supplementReceived: 'supplementReceived', requestPayment: 'paymentRequested',
  paymentReceived: 'paid', apologize: 'apologized', markResultReady: 'resultReady', reject: 'rejected', return: 'returned',
  withdraw: 'withdrawn', stop: 'stopped',
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The steps of a citizen's timeline (pure): a result returned by post is "sent by post" with its number. */
export function citizenSteps(timeline: DossierDetail['timeline'], trackingNumbers: readonly string[]): CitizenStep[] {
  const steps: CitizenStep[] = [];
  for (const e of timeline) {
    const kind = kindOfAction[e.action];
    if (!kind) continue;
    const p = e.payload;
    const items = Array.isArray(p.items) ? p.items.filter((i): i is string => typeof i === 'string') : undefined;
    const reason = text(p.reason);
    const dueAt = text(p.supplementDueAt) ?? text(p.newDueAt);
    const byPost = kind === 'returned' && trackingNumbers.length > 0;
    const trackingNumber = byPost ? trackingNumbers[trackingNumbers.length - 1] : undefined;
    steps.push({
      kind: byPost ? 'sentByPost' : kind, at: e.at,
      ...(items && items.length > 0 ? { items } : {}), ...(reason ? { reason } : {}), ...(dueAt ? { dueAt } : {}), ...(trackingNumber ? { trackingNumber } : {}),
    });
  }
  return steps;
}

/** The citizen's own dossier (portal.self; out of their scope: 404 as for an unknown code). */
export async function myDossierTimeline(ctx: ServiceContext, code: string): Promise<MyDossierTimeline> {
  assertCan(ctx.actor, 'portal.self');
  const d = await getDossier(ctx, code);
  const numbers = d.delivery?.method === 'post' ? await resultTrackingNumbers(ctx.db, d.code) : [];
  return { code: d.code, status: d.status, statusLabel: d.statusLabel, procedureName: d.procedure.name, dueAt: d.dueAt, steps: citizenSteps(d.timeline, numbers) };
}
