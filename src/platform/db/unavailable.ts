// Which errors mean "the database cannot be reached right now" (answer 503 and retry later),
// as opposed to a wrong query or wrong data. PostgreSQL's SQLSTATE classes: 08 (connection
// exception), 57P01–57P03 (terminated by the administrator, crash shutdown, cannot connect now:
// starting up or recovering), 53300 (too many connections); node's socket errors; and the
// messages node-postgres gives, without a code, when a socket closes under a query.
// 25006: a write reached a server that has just become read-only (a primary being demoted in a failover)
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '25006']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (/^08[0-9A-Z]{3}$/.test(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.some((m) => message.includes(m))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true; // several addresses refused
  }
  return false;
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;
