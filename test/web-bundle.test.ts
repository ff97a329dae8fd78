// The web app's build output, as a citizen on a cheap phone downloads it (issue 15 §1): opening a
// procedure's page on the portal loads the entry chunk, the chunks it imports statically, the
// procedure catalogue's chunk and the chunks that one imports statically — all of that, as the server
// sends it, stays under 100 kB. The build writes each file also brotli- and gzip-compressed and the
// server sends the one the browser accepts (web/vite.config.ts `precompress`, @fastify/static
// `preCompressed`): browsers ask for brotli over HTTPS, which a public portal is served over, so the
// budget counts the `.br` files; the `.gz` ones (plain HTTP, e.g. a demo on a laptop) are printed
// beside them. And no staff surface, no ECharts and no QR reader is among them. Reads web/dist as
// `npm run build:web` leaves it (`npm test` builds first).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}
type Manifest = Readonly<Record<string, ManifestChunk>>;

const dist = 'web/dist';
const manifestPath = `${dist}/.vite/manifest.json`;
const budgetBytes = 100_000;

/** The chunk and every chunk it imports statically, transitively (what the browser fetches before it runs). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/** The bytes of a file as sent with an encoding: its precompressed copy (the build writes one for every file over 1 kB) or itself. */
const sentBytes = (file: string, extension: '.br' | '.gz'): number =>
  existsSync(`${dist}/${file}${extension}`) ? statSync(`${dist}/${file}${extension}`).size : readFileSync(`${dist}/${file}`).length;

function firstLoad(manifest: Manifest, page: string): { files: string[]; brotliBytes: number; gzipBytes: number } {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the manifest has no entry chunk');
  const keys = staticClosure(manifest, page, staticClosure(manifest, entry));
  const files = [...keys].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
  const brotliBytes = files.reduce((sum, file) => sum + sentBytes(file, '.br'), 0);
  const gzipBytes = files.reduce((sum, file) => sum + sentBytes(file, '.gz'), 0);
  return { files, brotliBytes, gzipBytes };
}

describe('the web build', () => {
  if (!existsSync(manifestPath)) {
    it.fails(`is built first (npm run build:web): ${manifestPath} is missing`, () => undefined);
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

  it('loads a procedure page of the portal with under 100 kB of JavaScript as the server sends it', () => {
    const { files, brotliBytes, gzipBytes } = firstLoad(manifest, 'src/portal/catalog/surface.ts');
    expect(files.some((file) => /portal-catalog-/.test(file)), files.join(', ')).toBe(true);
    expect(brotliBytes, `${brotliBytes} bytes brotli (${gzipBytes} gzip) in ${files.join(', ')}`).toBeLessThan(budgetBytes);
  });

  it('has a brotli and a gzip copy of every script of that first load', () => {
    const { files } = firstLoad(manifest, 'src/portal/catalog/surface.ts');
    const large = files.filter((file) => statSync(`${dist}/${file}`).size >= 1024);
    expect(large.length).toBeGreaterThan(0);
    for (const file of large) {
      expect(brotliDecompressSync(readFileSync(`${dist}/${file}.br`)).equals(readFileSync(`${dist}/${file}`)), file).toBe(true);
      expect(gunzipSync(readFileSync(`${dist}/${file}.gz`)).equals(readFileSync(`${dist}/${file}`)), file).toBe(true);
    }
  });

  it('keeps the staff surfaces, ECharts and the QR reader out of that first load', () => {
    const { files } = firstLoad(manifest, 'src/portal/catalog/surface.ts');
    for (const file of files) expect(file).not.toMatch(/^assets\/(admin|counter|processing|dashboard|supervision|ocr|echarts|esm)-/);
  });

  it('splits the app by surface: each surface folder is its own lazily loaded chunk', () => {
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    const lazy = Object.keys(manifest).filter((key) => key.endsWith('/surface.ts'));
    expect(lazy).toEqual(expect.arrayContaining([
      'src/admin/surface.ts', 'src/counter/surface.ts', 'src/processing/surface.ts', 'src/dashboard/surface.ts',
      'src/portal/surface.ts', 'src/portal/catalog/surface.ts', 'src/citizen/surface.ts',
    ]));
    for (const key of lazy) expect(entry?.imports ?? []).not.toContain(key);
  });
});
