// The official succession of administrative units (DOMAIN §9.3): "as-was" and "as-is" units, for
// reports and for every read scoped by a unit (dossiers/scope.ts: a supervisor of a unit sees
// the old units' dossiers that now belong to it). Dossiers and roll-ups keep the unit
// path in force when the dossier was received (before 2025-07-01 an old district or commune of
// old Đồng Tháp '/87/…' or old Tiền Giang '/82@2004/…'). The as-is view maps every stored path to
// the unit in force today through admin_unit_successions:
//
// * a unit still in force maps to itself;
// * an old unit with successions maps to its successor **not flagged partial** (the unit that
//   took the old unit as a whole, or its seat); a split old commune is therefore attributed
//   wholly to that successor, never proportionally — shares of a split are not published per
//   dossier, and a whole attribution keeps every count an integer that sums to the as-was total.
//   When every successor is partial, the one with the smallest code takes it. Chains are followed;
// * an old unit without a succession row (a district, abolished on 2025-07-01; an old province)
//   maps to the smallest current unit containing the as-is units of all its sub-units: a
//   district whose communes all merged into one new commune maps to that commune, one spread over
//   several maps to the new province; old Đồng Tháp (87) and old Tiền Giang (82@2004) map to the
//   new Đồng Tháp (82);
// * an old unit with neither successor nor sub-units stays as it was.
//
// Scope is the same in both views: a supervisor of a unit sees the stored paths under it and
// every old path whose as-is unit is under it (the new province's supervisor sees the pilot's
// history). The view changes only how units are named and grouped (breakdowns by unit and level)
// and which version of a unit code `unit=` designates (as-is: the current one only).
import type { Kysely } from 'kysely';
import { unitHistory } from './references';
import { memo } from '../platform/memo';
import type { DB } from '../platform/db/schema';

export type AsOf = 'was' | 'is';

export interface UnitInfo {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly path: string;
  /** the province it belongs to (dossiers of the unit carry it as their sharding key); null: not known (a map built without it) */
  readonly provinceCode: string | null;
  readonly current: boolean;
  readonly validFrom: string;
}

export interface UnitMap {
  /** every unit by path */
  readonly byPath: ReadonlyMap<string, UnitInfo>;
  /** stored path → the as-is unit (itself when current or unmapped) */
  asIs(path: string): UnitInfo | undefined;
  /** units with a code (all versions) */
  byCode(code: string): UnitInfo[];
  /** stored paths not under `prefix` whose as-is unit is under it (exact paths, for `= ANY`) */
  extraPathsUnder(prefix: string): string[];
}

const dateText = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** Builds the map from unit rows and succession rows (pure; exported for tests). */
export function buildUnitMap(
  units: readonly { id: number; code: string; name: string; level: string; path: string; province_code?: string; parent_id: number | null; valid_from: unknown; valid_to: unknown }[],
  successions: readonly { old_unit_id: number; new_unit_id: number; partial: boolean }[],
): UnitMap {
  const byId = new Map<number, UnitInfo>();
  const children = new Map<number, number[]>();
  for (const u of units) {
    byId.set(Number(u.id), { id: Number(u.id), code: u.code, name: u.name, level: u.level, path: u.path, provinceCode: u.province_code ?? null, current: u.valid_to === null, validFrom: dateText(u.valid_from) });
    if (u.parent_id !== null) {
      const list = children.get(Number(u.parent_id)) ?? [];
      list.push(Number(u.id));
      children.set(Number(u.parent_id), list);
    }
  }
  const next = new Map<number, { id: number; partial: boolean; code: string }[]>();
  for (const s of successions) {
    const to = byId.get(Number(s.new_unit_id));
    if (!to) continue;
    const list = next.get(Number(s.old_unit_id)) ?? [];
    list.push({ id: to.id, partial: s.partial, code: to.code });
    next.set(Number(s.old_unit_id), list);
  }
  const byPathAll = new Map<string, UnitInfo>();
  for (const u of byId.values()) byPathAll.set(u.path, u);
  const memoIs = new Map<number, UnitInfo>();
  const resolve = (id: number, depth: number): UnitInfo | undefined => {
    const u = byId.get(id);
    if (!u) return undefined;
    const hit = memoIs.get(id);
    if (hit) return hit;
    if (u.current || depth > 20) { memoIs.set(id, u); return u; }
    let out: UnitInfo = u;
    const succ = next.get(id);
    if (succ && succ.length > 0) {
      const whole = succ.filter((s) => !s.partial);
      const pick = [...(whole.length > 0 ? whole : succ)].sort((a, b) => a.code.localeCompare(b.code))[0];
      out = (pick && resolve(pick.id, depth + 1)) ?? u;
    } else {
      const kids = (children.get(id) ?? []).map((k) => resolve(k, depth + 1)).filter((k): k is UnitInfo => k !== undefined && k.current);
      if (kids.length > 0) {
        // the deepest current unit whose path is a prefix of every kid's as-is path
        const segs = kids.map((k) => k.path.split('/').filter(Boolean));
        const first = segs[0] ?? [];
        let n = 0;
        while (n < first.length && segs.every((s) => s[n] === first[n])) n++;
        for (let len = n; len > 0; len--) {
          const cand = byPathAll.get(`/${first.slice(0, len).join('/')}/`);
          if (cand?.current) { out = cand; break; }
        }
      }
    }
    memoIs.set(id, out);
    return out;
  };
  const asIsByPath = new Map<string, UnitInfo>();
  for (const u of byId.values()) {
    const target = resolve(u.id, 0);
    // two versions may share a path only if a code was reused in place; the current one wins
    if (target && (!asIsByPath.has(u.path) || u.current)) asIsByPath.set(u.path, target);
  }
  const codes = new Map<string, UnitInfo[]>();
  for (const u of byId.values()) codes.set(u.code, [...(codes.get(u.code) ?? []), u]);
  return {
    byPath: byPathAll,
    asIs: (path) => asIsByPath.get(path) ?? byPathAll.get(path),
    byCode: (code) => codes.get(code) ?? [],
    extraPathsUnder: (prefix) => [...asIsByPath.entries()]
      .filter(([p, target]) => !p.startsWith(prefix) && target.path.startsWith(prefix))
      .map(([p]) => p).sort(),
  };
}

/** The map for a database (cached a few seconds: units change by import only). */
export function loadUnitMap(db: Kysely<DB>): Promise<UnitMap> {
  return memo(db, 'directory.unitMap', async () => {
    const { units, successions } = await unitHistory(db);
    return buildUnitMap(units, successions);
  }, 5_000);
}
