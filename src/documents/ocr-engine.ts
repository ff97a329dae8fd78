/**
 * The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly, run in a worker thread) with
 * the Vietnamese model from @tesseract.js-data/vie, read from node_modules — never fetched from a
 * CDN, and never cached to the working folder. One engine holds one worker; it reads one page at
 * a time, so the job worker decides concurrency by how many engines it starts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

export interface OcrEngine {
  /** The text of one page image (PNG, JPEG), lines separated by "\n", NFC. */
  recognise(image: Uint8Array): Promise<string>;
  close(): Promise<void>;
}

/**
 * The integer-quantised "best" LSTM model (1.4 MB gzipped): on the generated fixture it reads as
 * well as the full 4.0.0 model (3.8 MB, with the legacy engine) at about half the time.
 */
const MODEL_FOLDER = '4.0.0_best_int';

function vietnameseModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/vie')), MODEL_FOLDER);
}

/** Starts a tesseract.js worker with the Vietnamese model (about 2 s). */
export async function createTesseractEngine(): Promise<OcrEngine> {
  const worker: Worker = await createWorker('vie', OEM.LSTM_ONLY, {
    langPath: vietnameseModelPath(),
    gzip: true,
    cacheMethod: 'none',
  });
  // Scans come at 300 dpi; images without a resolution tag would otherwise be guessed at 70.
  await worker.setParameters({ user_defined_dpi: '300' });
  return {
    async recognise(image) {
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      return result.data.text.normalize('NFC');
    },
    async close() {
      await worker.terminate();
    },
  };
}
