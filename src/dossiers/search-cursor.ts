// The search's keyset cursor (pure): the position of a page's last row in the search order
// `received_at DESC NULLS FIRST, id DESC` — "<epoch ms>:<id>", or "-:<id>" for a dossier not yet
// received (those come first) — the same shape as the reports' drill-down cursor.

export interface SearchPosition {
  /** null: not received yet (submitted online, waiting for the one-stop) */
  readonly receivedAt: Date | null;
  readonly id: number;
}

const CURSOR_RE = /^(-|[0-9]{1,15}):([1-9][0-9]{0,15})$/;

export function searchCursor(p: SearchPosition): string {
  return `${p.receivedAt === null ? '-' : p.receivedAt.getTime()}:${p.id}`;
}

/** The position a cursor names; null for anything that is not a cursor this module wrote. */
export function parseSearchCursor(cursor: string): SearchPosition | null {
  const m = CURSOR_RE.exec(cursor);
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id)) return null;
  if (m[1] === '-') return { receivedAt: null, id };
  const ms = Number(m[1]);
  const at = new Date(ms);
  return Number.isNaN(at.getTime()) ? null : { receivedAt: at, id };
}

/**
 * The search order in JavaScript, as the SQL `received_at DESC NULLS FIRST, id DESC`: negative when
 * `a` comes first. The rows a code, phone or ID finds are sorted by it (search.ts).
 */
export function compareSearchOrder(a: SearchPosition, b: SearchPosition): number {
  if (a.receivedAt === null || b.receivedAt === null) {
    if (a.receivedAt !== b.receivedAt) return a.receivedAt === null ? -1 : 1;
  } else if (a.receivedAt.getTime() !== b.receivedAt.getTime()) {
    return b.receivedAt.getTime() - a.receivedAt.getTime();
  }
  return b.id - a.id;
}
