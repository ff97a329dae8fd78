// How long files are kept (issue 12 §6): retention periods per kind of record, as data. Pure.
// A file is deleted only when its period is over AND nothing holds it any more: no dossier paper
// (open or closed — the dossier's own retention under the archives rules is not decided here),
// no document of an applicant's store, no record another capability keeps (their holders).
export const retentionRules = {
  // a scan uploaded at the counter that never became part of a dossier, a store or a result
  // (the intake was abandoned, the page was scanned again): 30 days [U: ours — no rule found]
  unattached: { days: 30, label: 'Bản quét không gắn với hồ sơ, kết quả hay kho dữ liệu nào' },
} as const satisfies Record<string, { readonly days: number; readonly label: string }>;
export type RetentionKind = keyof typeof retentionRules;

/** Files created before this instant have passed the kind's period at `now`. */
export const retainedSince = (now: Date, kind: RetentionKind): Date => new Date(now.getTime() - retentionRules[kind].days * 86_400_000);
