/**
 * OCR throughput: pages per minute per core for the generated Vietnamese A4 scan at 300 dpi
 * (test/ocr-fixture.ts), through the path the OCR job takes — a PDF scan rasterised page by page
 * (pdfjs-dist + @napi-rs/canvas) and read by one tesseract.js engine (one worker thread, so one
 * core). Several runs, each a fresh PDF of PAGES pages; the spread (min / median / max) is shown,
 * since the machine may be shared. "Per CPU-minute" divides by the process's CPU time (main
 * thread + the engine's worker), which a busy neighbour does not inflate. The baseline is the
 * same pages handed to the engine as PNG (no rasterising): the ratio is the rasteriser's cost.
 * Every page's character error rate is checked (< 2 %), so a fast but wrong engine fails.
 *
 * `npm run bench -- ocr`; OCR_BENCH_RUNS (default 3) and OCR_BENCH_PAGES (default 3) change the size.
 */
import { FIXTURE_TEXT, fixturePdf, fixturePng } from '../test/ocr-fixture';
import { characterErrorRate } from '../src/documents/ocr-cer';
import { createTesseractEngine, type OcrEngine } from '../src/documents/ocr-engine';
import { scanPages } from '../src/documents/ocr-raster';

const RUNS = Number(process.env.OCR_BENCH_RUNS ?? 3);
const PAGES = Number(process.env.OCR_BENCH_PAGES ?? 3);

interface RunResult {
  readonly wallPagesPerMinute: number;
  readonly cpuPagesPerMinute: number;
  readonly worstCer: number;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function measure(engine: OcrEngine, read: () => AsyncIterable<Uint8Array>): Promise<RunResult> {
  const wallStart = performance.now();
  const cpuStart = cpuSeconds();
  let pages = 0;
  let worstCer = 0;
  for await (const image of read()) {
    const text = await engine.recognise(image);
    worstCer = Math.max(worstCer, characterErrorRate(FIXTURE_TEXT, text).rate);
    pages += 1;
  }
  const wallMinutes = (performance.now() - wallStart) / 60_000;
  const cpuMinutes = (cpuSeconds() - cpuStart) / 60;
  return { wallPagesPerMinute: pages / wallMinutes, cpuPagesPerMinute: pages / cpuMinutes, worstCer };
}

function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const f = (n: number): string => n.toFixed(1);
  return `median ${f(median)}  (min ${f(sorted[0] ?? 0)}, max ${f(sorted[sorted.length - 1] ?? 0)})`;
}

export async function run(): Promise<void> {
  const startedAt = performance.now();
  const engine = await createTesseractEngine();
  console.log(`engine start (tesseract.js + vie best_int): ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  try {
    const png = fixturePng();
    const pdfRuns: RunResult[] = [];
    const pngRuns: RunResult[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const pdf = await fixturePdf(PAGES);
      pdfRuns.push(
        await measure(engine, async function* () {
          for await (const page of scanPages(pdf, 'application/pdf')) yield page.image;
        }),
      );
      pngRuns.push(
        await measure(engine, async function* () {
          for (let i = 0; i < PAGES; i += 1) yield png;
        }),
      );
    }
    const worst = Math.max(...pdfRuns.map((r) => r.worstCer), ...pngRuns.map((r) => r.worstCer));
    const pdfWall = pdfRuns.map((r) => r.wallPagesPerMinute);
    const pngWall = pngRuns.map((r) => r.wallPagesPerMinute);
    const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
    console.log(`${RUNS} runs × ${PAGES} A4 pages at 300 dpi, one engine (one core)`);
    console.log(`PDF scan (rasterise + OCR), pages/min/core wall: ${spread(pdfWall)}`);
    console.log(`PDF scan, pages per CPU-minute:                 ${spread(pdfRuns.map((r) => r.cpuPagesPerMinute))}`);
    console.log(`PNG scan (OCR only, baseline), pages/min wall:   ${spread(pngWall)}`);
    console.log(`rasterising costs: PNG / PDF throughput = ${(median(pngWall) / median(pdfWall)).toFixed(2)}×`);
    console.log(`worst character error rate: ${(worst * 100).toFixed(2)} % → ${worst < 0.02 ? 'met (< 2 %)' : 'NOT met'}`);
    if (worst >= 0.02) process.exitCode = 1;
  } finally {
    await engine.close();
  }
}
