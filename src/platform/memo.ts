// A short-lived per-instance cache for reference data (procedures, units, agencies) that
// changes rarely and is read on every intake. Two instances may disagree for at most the TTL
// after an import; what a dossier used is stored with the dossier (ids, versions). A value that
// never changes (a deployment's secret) is kept with `ttlMs` Infinity: read once per handle.
export const REFERENCE_TTL_MS = 10_000;
const memos = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

export function memo<T>(owner: object, key: string, load: () => Promise<T>, ttlMs = REFERENCE_TTL_MS): Promise<T> {
  let cache = memos.get(owner);
  if (!cache) { cache = new Map(); memos.set(owner, cache); }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key)); // never keep a failure
  if (cache.size > 5000) cache.clear();
  return value;
}
