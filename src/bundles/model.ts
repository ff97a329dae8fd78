// Bundles ("hồ sơ liên thông", issue 17, DOMAIN §10): one submission that opens several procedures
// at several agencies. Pure: the definitions' shape and version in force, the order of members, the
// parent's status and due time from its members'. No I/O, no clock: time is an argument.
import type { Status } from '../shared/dossier-labels';

export type DossierStatus = Status;

/** What a member's result feeds another member (ND 63/2024: the birth registration number feeds the residence registration). */
export interface OutputFeed {
  /** the prerequisite's output: the number given with its result (markResultReady `resultNumber`) */
  readonly output: 'resultNumber';
  /** what the waiting member receives it as (recorded on its receipt) */
  readonly as: string;
  readonly label: string;
}

export interface BundleMember {
  readonly key: string;
  /** the catalogue's procedure code */
  readonly procedureCode: string;
  readonly name: string;
  /** the member whose result this one needs before its clock starts (null: starts at receipt) */
  readonly waitsFor: string | null;
  readonly feeds: readonly OutputFeed[];
}

export interface SharedPaper {
  readonly name: string;
  /** the members that use it: shown and scanned once for all of them */
  readonly members: readonly string[];
  /**
   * The member papers it is, named by their catalogue keys (member key → paper keys of that member's
   * procedure): ticking or scanning it once does it for each. None: shown at the counter, not kept
   * (the filer's ID). shared-papers.test.ts checks every key against the catalogue.
   */
  readonly papers: Readonly<Record<string, readonly string[]>>;
}

/** A time limit with its unit and source ([C] confirmed, [S] one secondary source, [U] unconfirmed). */
export interface SourcedDuration {
  readonly value: number;
  readonly unit: 'working_days';
  readonly source: string;
  readonly confidence: 'C' | 'S' | 'U';
}

export interface BundleDefinition {
  /** the national code of the bundle procedure (e.g. 2.002621) */
  readonly code: string;
  readonly name: string;
  /** [effectiveFrom, effectiveTo) in Vietnam civil dates */
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly legalBasis: string;
  /** the member whose agency leads (receives and coordinates, ND 61 art. 19.6) */
  readonly lead: string;
  readonly members: readonly BundleMember[];
  readonly sharedPapers: readonly SharedPaper[];
  /** the bundle's own limit where the decree sets one (the members keep their own durations) */
  readonly duration: SourcedDuration | null;
}

/** The version of a bundle in force on a civil date, or null. */
export function definitionInForce(defs: readonly BundleDefinition[], code: string, day: string): BundleDefinition | null {
  return defs.find((d) => d.code === code && d.effectiveFrom <= day && (d.effectiveTo === null || day < d.effectiveTo)) ?? null;
}

/** Problems of a definition's shape (unknown or cyclic dependencies, a feed with no prerequisite); empty when sound. */
export function definitionProblems(def: BundleDefinition): string[] {
  const keys = new Set(def.members.map((m) => m.key));
  const problems: string[] = [];
  if (keys.size !== def.members.length) problems.push('duplicate member key');
  if (!keys.has(def.lead)) problems.push(`lead ${def.lead} is not a member`);
  for (const m of def.members) {
    if (m.waitsFor !== null && !keys.has(m.waitsFor)) problems.push(`${m.key} waits for unknown ${m.waitsFor}`);
    if (m.feeds.length > 0 && !def.members.some((o) => o.waitsFor === m.key)) problems.push(`${m.key} feeds no member`);
  }
  for (const p of def.sharedPapers) {
    for (const k of p.members) if (!keys.has(k)) problems.push(`shared paper ${p.name}: unknown ${k}`);
    for (const k of Object.keys(p.papers)) if (!p.members.includes(k)) problems.push(`shared paper ${p.name}: papers of ${k}, which does not use it`);
  }
  if (startOrder(def.members) === null) problems.push('dependencies form a cycle');
  return problems;
}

/** The members in an order where each comes after what it waits for; null on a cycle. */
export function startOrder(members: readonly BundleMember[]): BundleMember[] | null {
  const done = new Set<string>();
  const out: BundleMember[] = [];
  while (out.length < members.length) {
    const next = members.find((m) => !done.has(m.key) && (m.waitsFor === null || done.has(m.waitsFor)));
    if (!next) return null;
    done.add(next.key);
    out.push(next);
  }
  return out;
}

/** The members that cannot move while `key` is stopped: those that wait for it, directly or not. */
export function blockedBy(members: readonly BundleMember[], key: string): string[] {
  const out: string[] = [];
  let frontier = [key];
  while (frontier.length > 0) {
    const next = members.filter((m) => m.waitsFor !== null && frontier.includes(m.waitsFor) && !out.includes(m.key)).map((m) => m.key);
    out.push(...next);
    frontier = next;
  }
  return out;
}
