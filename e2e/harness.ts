// Shared by the browser tests and the screenshot script: Chromium (Debian's, else npm's, see
// chromium.ts) through playwright-core, and the real motcua server listening on a free local port.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../src/app';
import type { Clock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { Database } from '../src/platform/db/connect';
import type { HttpApp } from '../src/platform/http/server';
import { resolveChromium } from './chromium';

export const webDist = 'web/dist';

/** Fails loudly when the web app has not been built: the browser tests never skip. */
export function assertWebBuilt(): void {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html is missing: build the web app first with \`npm run build:web\` (\`npm test\` does it).`);
  }
}

export interface RunningServer {
  readonly app: HttpApp;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** A free loopback port (taken and released at once). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address !== null && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `pool`: the database's pool, for what listens to the database (the queue display's LISTEN/NOTIFY).
 * `publicUrlIsBase`: the server's public URL (MOTCUA_PUBLIC_URL) is its own address, so that what
 * comes back to it by absolute URL — the payment gateway's return — reaches the browser's session.
 */
export async function startServer(db: Database, clock: Clock, pool?: pg.Pool, options: { publicUrlIsBase?: boolean; env?: Readonly<Record<string, string>> } = {}): Promise<RunningServer> {
  assertWebBuilt();
  const port = options.publicUrlIsBase ? await freePort() : 0;
  const env = { ...process.env, MOTCUA_WEB_DIR: webDist, ...(options.publicUrlIsBase ? { MOTCUA_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}), ...options.env };
  const app = await buildApp({ db, clock, config: loadConfig(env), ...(pool ? { pool } : {}) });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not get a TCP port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far (CSP refusals show up here). */
  readonly problems: string[];
  close(): Promise<void>;
}

/** `extraArgs`: flags for one test file's needs (a fake camera, e2e/fake-camera.ts). */
export async function launchBrowser(viewport = { width: 1280, height: 800 }, extraArgs: readonly string[] = []): Promise<Browser> {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-chromium-'));
  const { executablePath, args } = await resolveChromium();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport,
    locale: 'vi-VN',
    args: [...args, ...extraArgs],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    context, page, problems,
    async close() {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** axe-core's violations on the page as it is now, one readable line each (empty: none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}
