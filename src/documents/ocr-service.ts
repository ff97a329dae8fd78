/**
 * OCR use cases for staff (issue 12 §3): search the scanned text without diacritics, see the runs
 * that failed and queue one again. A file is visible only through a dossier paper in the actor's
 * scope: the locator (dossiers/paper-search.ts, wired in src/app.ts) answers which files are, so
 * documents imports no dossiers code and reads no dossiers table.
 */
import { assertCan } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { notFound, validationFailed } from '../platform/errors';
import { searchTerms, snippetOf } from './ocr-model';
import { failingRuns, matchingPages, requeueRun, runOf } from './ocr-queries';

/** A dossier paper whose scan is a file. */
export interface PaperFileHit {
  readonly fileId: number;
  readonly dossierCode: string;
  readonly paperName: string;
  readonly applicantName: string;
}

/** Which of `fileIds` are scans of papers of dossiers in the actor's scope, with those papers. */
export type PaperFileLocator = (ctx: ServiceContext & { readonly actor: Actor }, fileIds: readonly number[]) => Promise<PaperFileHit[]>;

export interface OcrDeps {
  readonly locatePapers: PaperFileLocator;
}

export interface ScanTextHit {
  readonly fileId: number;
  readonly pageNumber: number;
  /** The line of the page that matched, as recognised (with its diacritics). */
  readonly snippet: string;
  readonly papers: Omit<PaperFileHit, 'fileId'>[];
}

export const SEARCH_RESULT_LIMIT = 50;
/** Pages read from the index per batch, and batches at most: a search looks at 1,000 matching pages. */
const BATCH_PAGES = 200;
const MAX_BATCHES = 5;

function papersByFile(hits: readonly PaperFileHit[]): Map<number, Omit<PaperFileHit, 'fileId'>[]> {
  const byFile = new Map<number, Omit<PaperFileHit, 'fileId'>[]>();
  for (const { fileId, ...paper } of hits) byFile.set(fileId, [...(byFile.get(fileId) ?? []), paper]);
  return byFile;
}

/**
 * GET /api/v1/documents/search?q=: pages of scans in the actor's scope whose text holds every word
 * of `q`, with or without diacritics ("nguyen thi huong" finds "Nguyễn Thị Hường"), newest files first.
 */
export async function searchScanText(ctx: ServiceContext, deps: OcrDeps, q: string): Promise<{ items: ScanTextHit[]; truncated: boolean }> {
  assertCan(ctx.actor, 'dossiers.read');
  const actor = ctx.actor;
  const terms = searchTerms(q);
  if (!terms.ok) throw validationFailed(terms.code, terms.message, [{ path: 'q', message: terms.message }]);
  const items: ScanTextHit[] = [];
  let before: number | null = null;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const pages = await matchingPages(ctx.db, terms.words, BATCH_PAGES, before);
    if (pages.length === 0) return { items, truncated: false };
    const papers = papersByFile(await deps.locatePapers({ ...ctx, actor }, [...new Set(pages.map((p) => p.fileId))]));
    for (const page of pages) {
      const of = papers.get(page.fileId);
      if (!of) continue;
      if (items.length === SEARCH_RESULT_LIMIT) return { items, truncated: true };
      items.push({ fileId: page.fileId, pageNumber: page.pageNumber, snippet: snippetOf(page.text, terms.words), papers: of });
    }
    if (pages.length < BATCH_PAGES) return { items, truncated: false };
    // the next batch starts below this one's last file (its further pages, if any, add nothing new)
    before = Math.min(...pages.map((p) => p.fileId));
  }
  return { items, truncated: true };
}

export interface OcrFailureView {
  readonly fileId: number;
  /** 'failed': given up; 'pending': failed at least once, tried again at nextAttemptAt. */
  readonly status: 'pending' | 'failed';
  readonly attempts: number;
  readonly reason: string;
  readonly queuedAt: string;
  readonly failedAt: string | null;
  readonly nextAttemptAt: string | null;
  readonly papers: Omit<PaperFileHit, 'fileId'>[];
}

const FAILURES_SCANNED = 500;

/** GET /api/v1/documents/ocr/failures: scans of the actor's dossiers whose text could not be read. */
export async function listOcrFailures(ctx: ServiceContext, deps: OcrDeps): Promise<{ items: OcrFailureView[] }> {
  assertCan(ctx.actor, 'dossiers.read');
  const actor = ctx.actor;
  const rows = await failingRuns(ctx.db, FAILURES_SCANNED);
  if (rows.length === 0) return { items: [] };
  const papers = papersByFile(await deps.locatePapers({ ...ctx, actor }, rows.map((r) => r.fileId)));
  const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
  return {
    items: rows.flatMap((r) => {
      const of = papers.get(r.fileId);
      return of ? [{ ...r, queuedAt: r.queuedAt.toISOString(), failedAt: iso(r.failedAt), nextAttemptAt: iso(r.nextAttemptAt), papers: of }] : [];
    }),
  };
}

const fileNotFound = (id: number) => notFound('FILE_NOT_FOUND', `Không tìm thấy tệp số ${id}.`);

/** POST /api/v1/documents/ocr/{fileId}/retry: reads the scan again from its first attempt. */
export async function retryOcr(ctx: ServiceContext, deps: OcrDeps, fileId: number): Promise<{ fileId: number; status: 'pending' }> {
  assertCan(ctx.actor, 'documents.ocr');
  const actor = ctx.actor;
  // out of scope is the same 404 as a file that does not exist
  if ((await deps.locatePapers({ ...ctx, actor }, [fileId])).length === 0) throw fileNotFound(fileId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await runOf(tx, fileId);
    await requeueRun(tx, fileId, now);
    await recordAudit(tx, actor, { action: 'documents.ocr.retry', entity: 'file', entityKey: fileId, at: now, payload: { previous: before } });
  });
  return { fileId, status: 'pending' };
}
