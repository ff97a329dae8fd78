// The pull of dossiers filed on the national portal (issue 15 §5): the portal's feed is read after
// the stored cursor, and each submission enters as an online submission (status submitted, channel
// online) through the online capability's `submitOnlineFromNational`, idempotent by its national
// reference: a submission pulled twice (a retry, a cursor not saved before a crash) is filed once.
// A submission that cannot be filed (unknown procedure, missing paper) is kept with the reason and
// skipped, so that one bad item never blocks the feed.
import type { DossierContext } from '../dossiers/events';
import type { IntakeInput, IntakeResult } from '../dossiers/model';
import type { Actor } from '../platform/actor';
import { isDomainError } from '../platform/errors';
import type { NationalPortalAdapter, NationalSubmission } from './adapter';

export const PULL_CURSOR_KEY = 'pull.cursor';

/** The intake the online capability receives for a national submission (pure). */
export function intakeOfSubmission(s: NationalSubmission): IntakeInput {
  return {
    procedureCode: s.procedureCode,
    channel: 'online',
    applicant: {
      personalId: s.applicant.personalId, name: s.applicant.fullName, phone: s.applicant.phone, unitCode: s.applicant.unitCode,
      ...(s.applicant.address ? { address: s.applicant.address } : {}),
    },
    // the files stay on the national portal: each paper is recorded as taken from it
    papers: s.papers.map((p) => ({ key: p.key, source: 'national_db' as const })),
    formData: { ...s.formData },
  };
}

export interface PullDeps {
  readonly db: DossierContext['db'];
  readonly clock: DossierContext['clock'];
  readonly portal: NationalPortalAdapter;
  /** who files pulled submissions (an account holding dossiers.receive) */
  readonly actor: Actor;
  readonly hooks?: DossierContext['hooks'];
  readonly intakeChecks?: DossierContext['intakeChecks'];
  /** the online capability's entry for national submissions (src/online/service.ts submitOnlineFromNational) */
  readonly submit: (ctx: DossierContext, input: IntakeInput, nationalReference: string) => Promise<IntakeResult>;
  /** pages read in one run */
  readonly maxPages?: number;
}

export interface PullReport {
  read: number;
  filed: number;
  /** already pulled before (the same national reference) */
  known: number;
  refused: number;
}

const REFERENCE = /^[\x21-\x7e]{1,100}$/;

async function pullOne(deps: PullDeps, s: NationalSubmission): Promise<keyof Omit<PullReport, 'read'>> {
  if (typeof s.reference !== 'string' || !REFERENCE.test(s.reference)) return 'refused';
  const seen = await deps.db.selectFrom('sync_pulled').select(['dossier_code']).where('national_reference', '=', s.reference).executeTakeFirst();
  if (seen?.dossier_code) return 'known';
  const ctx: DossierContext = {
    db: deps.db, clock: deps.clock, actor: deps.actor,
    ...(deps.hooks ? { hooks: deps.hooks } : {}), ...(deps.intakeChecks ? { intakeChecks: deps.intakeChecks } : {}),
  };
  let code: string | null = null;
  let error: string | null = null;
  try {
    code = (await deps.submit(ctx, intakeOfSubmission(s), s.reference)).code;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    error = [e.message, ...(e.details ?? []).map((d) => `${d.path}: ${d.message}`)].join('; ').slice(0, 1000);
  }
  await deps.db.insertInto('sync_pulled').values({ national_reference: s.reference, dossier_code: code, pulled_at: deps.clock.now(), error })
    .onConflict((oc) => oc.column('national_reference').doUpdateSet({ dossier_code: code, pulled_at: deps.clock.now(), error })).execute();
  return code === null ? 'refused' : 'filed';
}

/** One run: reads the feed from the stored cursor, files each submission, saves the cursor after each page. */
export async function pullSubmissions(deps: PullDeps): Promise<PullReport> {
  const report: PullReport = { read: 0, filed: 0, known: 0, refused: 0 };
  const state = await deps.db.selectFrom('sync_state').select('value').where('key', '=', PULL_CURSOR_KEY).executeTakeFirst();
  let cursor = state?.value ?? null;
  for (let page = 0; page < (deps.maxPages ?? 20); page++) {
    const { items, cursor: next } = await deps.portal.feed(cursor);
    for (const s of items) {
      report.read++;
      report[await pullOne(deps, s)]++;
    }
    if (next !== null && next !== cursor) {
      await deps.db.insertInto('sync_state').values({ key: PULL_CURSOR_KEY, value: next })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: next })).execute();
    }
    if (items.length === 0 || next === cursor) break;
    cursor = next;
  }
  return report;
}
