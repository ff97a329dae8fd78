// The parent's status and due time from its members' (issue 17 §2). Pure.
// A refusal or a supplement in one member shows on the parent with the members it holds up. Once no
// member is open (each has its result or ended without one), the parent reads as how it ended: all
// withdrawn, all ended without a result, or results ready / returned beside members that ended.
import { blockedBy, type BundleMember, type DossierStatus } from './model';

export const bundleStatuses = [
  // some member still open
  'inProgress', 'awaitingSupplement', 'blocked', 'partlyReady',
  // no member open
  'resultReady', 'returned', 'resultReadyOthersEnded', 'returnedOthersEnded', 'endedWithoutResult', 'withdrawn',
] as const;
export type BundleStatus = (typeof bundleStatuses)[number];

export interface MemberState {
  readonly key: string;
  readonly status: DossierStatus;
  /** null while the member waits for its prerequisite (no clock) */
  readonly dueAt: number | null;
  readonly supplementItems: readonly string[];
}

export interface BundleIssue {
  readonly member: string;
  readonly kind: 'supplement' | 'ended';
  readonly status: DossierStatus;
  /** what the applicant must bring (supplement) */
  readonly items: readonly string[];
  /** the members that wait for this one and cannot start until it moves */
  readonly blocks: readonly string[];
}

export interface BundleState {
  readonly status: BundleStatus;
  /** the latest due time of the members; null while a member has none yet (waits) */
  readonly dueAt: number | null;
  /** the latest due time among the members that have one */
  readonly latestKnownDueAt: number | null;
  readonly issues: readonly BundleIssue[];
}

const WITH_RESULT: readonly DossierStatus[] = ['resultReady', 'returned'];
/** ended without a result: refused at intake, rejected after appraisal, stopped, withdrawn */
const ENDED: readonly DossierStatus[] = ['refused', 'rejected', 'stopped', 'withdrawn'];

export function aggregateBundle(definition: readonly BundleMember[], members: readonly MemberState[]): BundleState {
  const issues: BundleIssue[] = members.flatMap((m): BundleIssue[] => {
    if (m.status === 'awaitingSupplement') return [{ member: m.key, kind: 'supplement', status: m.status, items: m.supplementItems, blocks: blockedBy(definition, m.key) }];
    if (ENDED.includes(m.status)) return [{ member: m.key, kind: 'ended', status: m.status, items: [], blocks: blockedBy(definition, m.key) }];
    return [];
  });
  const dues = members.map((m) => m.dueAt);
  const known = dues.filter((d): d is number => d !== null);
  const latestKnownDueAt = known.length === 0 ? null : Math.max(...known);
  return { status: statusOf(members), dueAt: known.length === dues.length ? latestKnownDueAt : null, latestKnownDueAt, issues };
}

function statusOf(members: readonly MemberState[]): BundleStatus {
  const ended = members.filter((m) => ENDED.includes(m.status));
  const withResult = members.filter((m) => WITH_RESULT.includes(m.status));
  if (members.length > 0 && ended.length + withResult.length === members.length) {
    if (withResult.length === 0) return ended.every((m) => m.status === 'withdrawn') ? 'withdrawn' : 'endedWithoutResult';
    const returned = withResult.every((m) => m.status === 'returned');
    if (ended.length === 0) return returned ? 'returned' : 'resultReady';
    return returned ? 'returnedOthersEnded' : 'resultReadyOthersEnded';
  }
  if (ended.length > 0) return 'blocked';
  if (members.some((m) => m.status === 'awaitingSupplement')) return 'awaitingSupplement';
  if (withResult.length > 0) return 'partlyReady';
  return 'inProgress';
}
