// Issue 11: every capability README says what exists today — each folder under src/ has one, and
// each of its source files is named in it (or in the README of the sub-folder that holds it), so
// that a newcomer reads the folder's menu and finds every file. Tests and test helpers are exempt.
// Each README also carries the new-table checklist's sharding step (issue 16 §5).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const isSource = (name: string) => /\.(ts|tsx)$/.test(name) && !/\.test(-helper)?\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'migrations' ? [] : sourceFiles(full);
    return isSource(name) ? [full] : [];
  });
}

/** The READMEs that may name a file: its own folder's, then each folder up to the capability's. */
function readmesFor(file: string, capability: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith(capability); dir = path.dirname(dir)) {
    const readme = path.join(dir, 'README.md');
    if (existsSync(readme)) found.push(readFileSync(readme, 'utf8'));
  }
  return found;
}

const capabilities = readdirSync(SRC).filter((name) => statSync(path.join(SRC, name)).isDirectory());

describe('capability READMEs', () => {
  it.each(capabilities)('src/%s has a README that names each of its files', (name) => {
    const dir = path.join(SRC, name);
    expect(existsSync(path.join(dir, 'README.md')), `src/${name}/README.md is missing`).toBe(true);
    const unnamed = sourceFiles(dir)
      .filter((file) => !readmesFor(file, dir).some((text) => text.includes(path.basename(file))))
      .map((file) => path.relative(SRC, file));
    expect(unnamed, 'files no README of their capability names').toEqual([]);
  });

  // issue 16 §5: a table nobody placed in test/sharding-map.ts has no shard under Citus
  it.each(capabilities)('src/%s README carries the sharding step of the new-table checklist', (name) => {
    const text = readFileSync(path.join(SRC, name, 'README.md'), 'utf8');
    expect(text).toMatch(/## Adding a table/);
    expect(text).toContain('test/sharding-map.ts');
    expect(text).toContain('province_code');
  });
});
