// A fake camera for Chromium (--use-file-for-fake-video-capture): a Y4M video of a QR code drawn
// with the `qrcode` package, made in the test — the browser tests never download a sample. The
// text is encoded as UTF-8 bytes without an ECI marker, as on a CCCD.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

/** One 4:2:0 frame: the QR's modules black on white, centred, with its quiet zone. */
function qrFrame(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cells = modules.size + 2 * quiet;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) * 0.9 / cells);
  const left = Math.floor((WIDTH - cells * scale) / 2);
  const top = Math.floor((HEIGHT - cells * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        const row = (top + (y + quiet) * scale + dy) * WIDTH + left + (x + quiet) * scale;
        luma.fill(16, row, row + scale);
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
}

/** Writes the video to a temporary file and returns its path (a few frames, looped by Chromium). */
export async function qrVideoFile(text: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-camera-'));
  const file = path.join(dir, 'qr.y4m');
  const frame = qrFrame(text);
  await fs.writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return file;
}

/** Chromium's flags for a camera that shows `file`, allowed without asking. */
export const fakeCameraArgs = (file: string): string[] =>
  ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
