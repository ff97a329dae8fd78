// Which Chromium the browser tests and the screenshot script drive: Debian's /usr/bin/chromium when
// the machine has one, else the Chromium that the npm package @sparticuz/chromium carries (brotli
// archives unpacked into the temporary directory on first use, about 1.5 s), so `npm test` needs
// no system package and never downloads a browser. MOTCUA_CHROMIUM=npm forces the npm one,
// MOTCUA_CHROMIUM=system the system one (refusing to start without it).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const systemChromium = '/usr/bin/chromium';

export interface ChromiumLaunch {
  readonly source: 'system' | 'npm';
  readonly executablePath: string;
  readonly args: readonly string[];
}

/** Ours, for both: no first-run, no background traffic (tests reach loopback only). */
const quietArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Flags of @sparticuz/chromium we drop: the tests check the server's Content-Security-Policy and
 * same-origin behaviour, which these would switch off.
 */
const weakeningArgs = new Set(['--disable-web-security', '--allow-running-insecure-content']);

export type ChromiumChoice = 'auto' | 'system' | 'npm';

export function chromiumChoice(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const value = env.MOTCUA_CHROMIUM ?? 'auto';
  if (value === 'auto' || value === 'system' || value === 'npm') return value;
  throw new Error(`MOTCUA_CHROMIUM must be auto, system or npm (got "${value}")`);
}

let npmLaunch: Promise<ChromiumLaunch> | null = null;

/**
 * Unpacks the npm Chromium once per process. Test files run in parallel processes, so the archives
 * are unpacked under a lock directory: a second process waits for the first one's binary.
 */
async function unpackNpmChromium(): Promise<ChromiumLaunch> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  sparticuz.setGraphicsMode = false; // no WebGL: skip the SwiftShader archive
  const binary = path.join(os.tmpdir(), 'chromium');
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium'); // <pkg>/build/cjs/index.cjs
  const { version } = JSON.parse(await fs.readFile(path.join(entry, '../../../package.json'), 'utf8')) as { version: string };
  const ready = path.join(os.tmpdir(), `motcua-chromium-${version}.ready`);
  const lock = path.join(os.tmpdir(), 'motcua-chromium-unpack.lock');
  for (let attempt = 0; !existsSync(ready); attempt += 1) {
    try {
      await fs.mkdir(lock);
    } catch {
      if (attempt > 600) throw new Error(`waited 60 s for another process to unpack Chromium (remove ${lock} if stale)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!existsSync(ready)) {
        // a binary without the marker is a half-finished unpack: the package would reuse it as is
        await fs.rm(binary, { force: true });
        await sparticuz.executablePath();
        await fs.writeFile(ready, `${binary}\n`);
      }
    } finally {
      await fs.rm(lock, { recursive: true, force: true });
    }
  }
  // its fonts (Open Sans, Noto) for a machine without any: fontconfig reads them from here
  process.env.FONTCONFIG_PATH ??= path.join(os.tmpdir(), 'fonts');
  const args = sparticuz.args.filter((a) => !weakeningArgs.has(a));
  return { source: 'npm', executablePath: binary, args: [...args, ...quietArgs.filter((a) => !args.includes(a))] };
}

export async function resolveChromium(choice: ChromiumChoice = chromiumChoice()): Promise<ChromiumLaunch> {
  const haveSystem = existsSync(systemChromium);
  if (choice === 'system' && !haveSystem) throw new Error(`MOTCUA_CHROMIUM=system but ${systemChromium} does not exist`);
  if (choice !== 'npm' && haveSystem) return { source: 'system', executablePath: systemChromium, args: ['--headless', ...quietArgs] };
  npmLaunch ??= unpackNpmChromium();
  return npmLaunch;
}
