// One helper per concern (issue 11 §5): the UTC+7 offset of Vietnam time is written once, in the
// shared pure module src/shared/civil-date.ts; everything else, server and web, calls it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const THE_MODULE = 'src/shared/civil-date.ts';
// an offset of seven hours in milliseconds, or a literal +07:00 zone glued to a date in code
const OFFSET = /\b7\s*\*\s*(?:3_?600_?000|60\s*\*\s*60\s*\*\s*1_?000)\b|\b25_?200_?000\b|T\d\d:\d\d:\d\d\+07:00`/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.|test-helper/.test(name) ? [full] : [];
  });
}

describe('Vietnam time', () => {
  it('is computed from its offset in one module only', () => {
    const offenders = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'web/src'))]
      .map((f) => path.relative(root, f))
      .filter((f) => f !== THE_MODULE && OFFSET.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  // the one package allowed: Ajv (e-form validation, eform-validation.ts), pure — it compiles in memory
  it('the shared module imports nothing but Ajv (no I/O, no Node APIs: the web bundles it)', () => {
    for (const f of readdirSync(path.join(root, 'src/shared')).filter((n) => n.endsWith('.ts') && !n.includes('.test.'))) {
      const imports = [...readFileSync(path.join(root, 'src/shared', f), 'utf8').matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1]);
      expect(imports.filter((i) => !i?.startsWith('./') && i !== 'ajv'), f).toEqual([]);
    }
  });
});
