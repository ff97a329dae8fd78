// The web app's build. Run from the repo root: `vite build --config web/vite.config.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Each text file of the build also as `.br` and `.gz` beside it, compressed once at build time at the
 * highest level: the server sends the one the browser accepts (@fastify/static `preCompressed`),
 * so a citizen's phone downloads about a third of the bytes without the server compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'motcua-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const bytes = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        if (bytes.length < 1024) continue;
        const file = join(options.dir ?? '', fileName);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: { 'use-sync-external-store/shim': fileURLToPath(new URL('./src/ui/sync-external-store.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP allows no inline scripts: keep every module an external file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // test/web-bundle.test.ts reads which chunks a page loads first from the manifest
    manifest: true,
    rolldownOptions: {
      output: {
        // a surface's chunk is named for its folder (web/src/pages.ts loads one per surface)
        chunkFileNames: (chunk) => {
          const surface = /\/web\/src\/([\w/-]+)\/((?:[\w-]+-)?)surface\.ts$/.exec(chunk.facadeModuleId ?? '');
          return surface?.[1] ? `assets/${surface[1].replaceAll('/', '-')}-${surface[2] ?? ''}[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
