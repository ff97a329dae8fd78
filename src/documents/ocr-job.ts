/**
 * The OCR job `documents.ocr` (issue 12 §3): queues a run for each newly stored file, then claims
 * due runs one at a time, reads the file from the store, rasterises it (PDF) and reads each page
 * with one tesseract engine, and stores the text per page — or records the failure, retried with
 * back-off and shown to staff once given up. It runs every minute and at start, apart from any
 * request: intake never waits for it, and a scan the engine cannot read never stops a dossier.
 */
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { everyMinutesCron, type JobDefinition } from '../platform/jobs';
import { createTesseractEngine, type OcrEngine } from './ocr-engine';
import { ocrFailureReason } from './ocr-model';
import { claimDueRun, queueMissingRuns, recordOcrDone, recordOcrFailure, type OcrClaim } from './ocr-queries';
import { scanPages } from './ocr-raster';

export const OCR_JOB = 'documents.ocr';

export interface OcrJobDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** The bytes of a stored file (documents' openFile with the configured store); null when it has no row. */
  readonly openScan: (fileId: number) => Promise<Readable | null>;
  /** tesseract.js by default; started at the first due run of a tick, closed at its end. */
  readonly createEngine?: () => Promise<OcrEngine>;
  /** A tick stops claiming after this long (ms), so that it does not outlive the next one by much. */
  readonly budgetMs?: number;
}

export interface OcrReport {
  queued: number;
  done: number;
  retried: number;
  failed: number;
  /** Outcomes not recorded because the lease had passed to another worker. */
  lost: number;
  pages: number;
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function readPages(deps: OcrJobDeps, engine: () => Promise<OcrEngine>, claim: OcrClaim): Promise<{ pageNumber: number; text: string }[]> {
  const stream = await deps.openScan(claim.fileId);
  if (!stream) throw new Error(`tệp số ${claim.fileId} không còn trong kho lưu trữ`);
  const bytes = await readAll(stream);
  const pages: { pageNumber: number; text: string }[] = [];
  for await (const page of scanPages(bytes, claim.mediaType)) {
    pages.push({ pageNumber: page.pageNumber, text: (await (await engine()).recognise(page.image)).trim() });
  }
  return pages;
}

/** One tick: queue new files, then read due runs until none is left or the budget is spent. */
export async function runOcr(deps: OcrJobDeps): Promise<OcrReport> {
  const started = performance.now();
  const budgetMs = deps.budgetMs ?? 50_000;
  const report: OcrReport = { queued: await queueMissingRuns(deps.db, deps.clock.now()), done: 0, retried: 0, failed: 0, lost: 0, pages: 0 };
  // started at the first page to read: a tick whose files all fail to open never starts one
  const held: { engine: OcrEngine | null } = { engine: null };
  const engineFor = async (): Promise<OcrEngine> => (held.engine ??= await (deps.createEngine ?? createTesseractEngine)());
  try {
    while (performance.now() - started < budgetMs) {
      const claim = await claimDueRun(deps.db, deps.clock.now());
      if (!claim) break;
      let pages: { pageNumber: number; text: string }[];
      try {
        pages = await readPages(deps, engineFor, claim);
      } catch (e) {
        // a worker that failed may be in a bad state: the next file gets a fresh one
        const failed = held.engine;
        held.engine = null;
        await failed?.close().catch(() => {});
        const outcome = await recordOcrFailure(deps.db, claim, deps.clock.now(), ocrFailureReason(e instanceof Error ? e.message : String(e)));
        if (outcome === 'retry') report.retried += 1;
        else report[outcome] += 1;
        continue;
      }
      if (await recordOcrDone(deps.db, claim, deps.clock.now(), pages)) {
        report.done += 1;
        report.pages += pages.length;
      } else report.lost += 1;
    }
  } finally {
    await held.engine?.close();
  }
  return report;
}

/** The job definition `motcua serve` runs (src/app.ts appJobs). */
export function ocrJob(deps: OcrJobDeps): JobDefinition {
  return { name: OCR_JOB, cron: everyMinutesCron(1), runAtStart: true, handler: () => runOcr(deps) };
}
