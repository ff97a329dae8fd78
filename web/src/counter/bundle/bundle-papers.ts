// The papers of a bundle at the counter (issue 17): each member's checklist from its catalogue
// entry, and the definition's shared papers listed once — a shared paper stands for the member
// papers it names by key (the birth certificate handed in once serves birth registration and the
// health-insurance card), so ticking it ticks them; the request still carries each member's
// papers. Pure.
import { checklistOf, missingPapers, papersToSend, rowsOfSituation, situationMissing, situationsOf, type PaperRow } from '../checklist';
import type { RequiredPaper } from '../api';

export interface MemberChecklist {
  readonly key: string;
  readonly name: string;
  readonly rows: readonly PaperRow[];
}

/** A shared paper of the definition with the member papers it stands for. */
export interface SharedPaper {
  readonly name: string;
  /** the members that use it (definition's keys) */
  readonly members: readonly string[];
  /** the member papers it is: [member key, paper key]; none = shown, not kept (e.g. the ID shown) */
  readonly papers: readonly (readonly [string, string])[];
}

/**
 * Each shared paper with the member papers it is, as the definition names them by catalogue key
 * (src/bundles/definitions.ts), among the members that use it; a key the member's checklist lacks
 * (a catalogue changed since) is left out rather than shown as a paper nobody can tick.
 */
export function sharedPapersOf(shared: readonly { name: string; members: readonly string[]; papers: Readonly<Record<string, readonly string[]>> }[], members: readonly { key: string; papers: readonly Pick<RequiredPaper, 'key'>[] }[]): SharedPaper[] {
  return shared.map((s) => {
    const papers = members.filter((m) => s.members.includes(m.key))
      .flatMap((m) => (s.papers[m.key] ?? []).filter((k) => m.papers.some((p) => p.key === k)).map((k) => [m.key, k] as const));
    return { name: s.name, members: [...s.members], papers };
  });
}

/** The member's checklist from its catalogue papers, every paper unticked (the clerk ticks what is handed in). */
export const memberChecklist = (key: string, name: string, papers: readonly RequiredPaper[]): MemberChecklist => ({ key, name, rows: checklistOf(papers) });

/** Whether a member paper is listed under the shared papers (and not again under its member). */
export const isShared = (shared: readonly SharedPaper[], member: string, paper: string): boolean =>
  shared.some((s) => s.papers.some(([m, p]) => m === member && p === paper));

/** A shared paper is ticked when every member paper it stands for is. */
export const isSharedTicked = (s: SharedPaper, members: readonly MemberChecklist[]): boolean =>
  s.papers.length > 0 && s.papers.every(([m, p]) => members.find((c) => c.key === m)?.rows.find((r) => r.key === p)?.included === true);

/** Ticks or unticks a shared paper: every member paper it stands for. */
export function tickShared(s: SharedPaper, members: readonly MemberChecklist[], included: boolean): MemberChecklist[] {
  return members.map((c) => ({ ...c, rows: c.rows.map((r) => (s.papers.some(([m, p]) => m === c.key && p === r.key) ? { ...r, included } : r)) }));
}

/** Each member's situation chosen (member key → the situation; none while not chosen). */
export type MemberSituations = Readonly<Record<string, string>>;

/** A member's rows the clerk goes through: for a list by situation, the chosen situation's (as the single intake, checklist.ts rowsOfSituation). */
export const memberRows = (c: MemberChecklist, situations: MemberSituations): PaperRow[] => rowsOfSituation(c.rows, situations[c.key] ?? null);

/** The request's papers: each member's ticked papers (of its situation), by member key. */
export const bundlePapersToSend = (members: readonly MemberChecklist[], situations: MemberSituations = {}) =>
  Object.fromEntries(members.map((c) => [c.key, papersToSend(memberRows(c, situations))]));

/** The members whose list is by situation and whose situation is not chosen, or none of its papers ticked. */
export function missingSituations(members: readonly MemberChecklist[], situations: MemberSituations): { readonly member: MemberChecklist; readonly lacking: 'choose' | 'paper' }[] {
  return members.flatMap((c) => {
    const lacking = situationsOf(c.rows).length > 0 ? situationMissing(c.rows, situations[c.key] ?? null) : null;
    return lacking ? [{ member: c, lacking }] : [];
  });
}

/** The required papers not ticked, named once: a shared one by its shared name, else by member. */
export function missingBundlePapers(shared: readonly SharedPaper[], members: readonly MemberChecklist[]): { readonly field: string; readonly name: string; readonly member: string | null }[] {
  const out: { field: string; name: string; member: string | null }[] = [];
  for (const s of shared) {
    const missing = s.papers.some(([m, p]) => members.find((c) => c.key === m)?.rows.find((r) => r.key === p && r.required && !r.included));
    if (missing) out.push({ field: `shared:${s.name}`, name: s.name, member: null });
  }
  for (const c of members) {
    for (const r of missingPapers(c.rows)) if (!isShared(shared, c.key, r.key)) out.push({ field: `paper:${c.key}:${r.key}`, name: r.name, member: c.name });
  }
  return out;
}

// ── The electronic copy of a paper (scan or reuse from the applicant's store) ─────────────────────
// The single intake's parts (receive/PaperDigital, ScanPanel, usePaperScans) key a paper by one row
// key: a member's paper is `member/paper`, a shared paper `shared/<index>` — which stands for every
// member paper it is, so one scan or one reuse serves them all.

export const memberRowKey = (member: string, paper: string): string => `${member}/${paper}`;
export const sharedRowKey = (index: number): string => `shared/${index}`;

/** The member papers a row key stands for ([member, paper]). */
export function papersOfKey(key: string, shared: readonly SharedPaper[]): readonly (readonly [string, string])[] {
  if (key.startsWith('shared/')) return shared[Number(key.slice('shared/'.length))]?.papers ?? [];
  const [member, paper, ...rest] = key.split('/');
  return member && paper && rest.length === 0 ? [[member, paper]] : [];
}

/** Applies a change of a row (its file, its reused document, ticked) to the member papers the key stands for. */
export function changePapers(members: readonly MemberChecklist[], pairs: readonly (readonly [string, string])[], change: Partial<PaperRow>): MemberChecklist[] {
  return members.map((c) => ({ ...c, rows: c.rows.map((r) => (pairs.some(([m, p]) => m === c.key && p === r.key) ? { ...r, ...change } : r)) }));
}

/** The row a shared paper shows: its name, and the copy of the first member paper it stands for. */
export function sharedRow(s: SharedPaper, index: number, members: readonly MemberChecklist[]): PaperRow | null {
  const [first] = s.papers;
  const row = first ? members.find((c) => c.key === first[0])?.rows.find((r) => r.key === first[1]) : undefined;
  return row ? { ...row, key: sharedRowKey(index), name: s.name } : null;
}
