// The web app's build. Run from the repo root: `vite build --config web/vite.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
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
