// The display's live feed: server-sent events over Fastify's raw reply. The first board is sent at
// once; then a new board each time the queue of this service point changes — told by the
// database (LISTEN/NOTIFY, src/platform/db/listen.ts), so a call made through any instance reaches
// displays connected to any other — and, as a safety net, every `refreshMs`. A comment line every
// 15 s keeps proxies from closing an idle stream.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { servicePointPlaceByCode } from '../directory/references';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import type { ChangeFeed } from '../platform/db/listen';
import { displayBoard, type DisplayBoard } from './queue-display';

export interface StreamDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly changes?: ChangeFeed;
  readonly first: DisplayBoard;
  readonly code: string;
  /** the open streams of this instance: the app's close ends them */
  readonly open: Set<() => void>;
  readonly refreshMs?: number;
}

export async function streamDisplay(request: FastifyRequest, reply: FastifyReply, deps: StreamDeps): Promise<void> {
  const place = await servicePointPlaceByCode(deps.db, deps.code);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let last = '';
  const send = (board: DisplayBoard) => {
    const text = JSON.stringify(board);
    if (text === last) return;
    last = text;
    raw.write(`event: board\ndata: ${text}\n\n`);
  };
  raw.write('retry: 3000\n\n');
  send(deps.first);

  let closed = false;
  let queued: NodeJS.Timeout | null = null;
  // notices come in bursts (a call, then a recall): one read per 150 ms at most
  const refresh = () => {
    if (closed || queued) return;
    queued = setTimeout(() => {
      queued = null;
      displayBoard(deps, deps.code).then((b) => { if (!closed) send(b); }, () => { /* the next notice or tick tries again */ });
    }, 150);
  };
  const unsubscribe = deps.changes?.subscribe((payload) => {
    if (payload === '*' || payload === String(place?.id)) refresh();
  });
  const tick = setInterval(refresh, deps.refreshMs ?? 30_000);
  const ping = setInterval(() => { if (!closed) raw.write(': ping\n\n'); }, 15_000);
  const end = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    clearInterval(tick);
    clearInterval(ping);
    if (queued) clearTimeout(queued);
    deps.open.delete(end);
    raw.end();
  };
  deps.open.add(end);
  request.raw.on('close', end);
}
