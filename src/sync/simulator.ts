// A local simulator of the national public service portal: an HTTP server on the loopback that
// speaks the adapter's contract (adapter.ts). It keeps every record it accepts, once per (dossier
// code, seq) — a copy is answered 409 like the real portal's dedupe —, serves a feed of
// submissions filed "on the portal", and has an outage switch (503) for tests and drills.
// `motcua serve` starts one when no MOTCUA_NATIONAL_PORTAL_URL is set; tests start their own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson as send, startLoopbackServer } from '../platform/http/loopback-server';
import { FEED_PATH, PUSH_PATH, type NationalSubmission } from './adapter';
import type { NationalRecord } from './model';

export interface ReceivedRecord {
  readonly record: NationalRecord;
  readonly receivedAt: Date;
}

export interface PortalSimulator {
  /** e.g. 'http://127.0.0.1:41234' */
  readonly url: string;
  readonly key: string;
  /** every accepted record, in the order it arrived (copies are not kept) */
  readonly received: readonly ReceivedRecord[];
  /** requests answered with the outage's 503 */
  readonly refusedDuringOutage: number;
  /** copies answered 409 (the same code and seq again) */
  readonly duplicates: number;
  /** true: every request is answered 503 with Retry-After: 1 */
  setOutage(down: boolean): void;
  /** The next `count` pushes are refused with `status` (e.g. 422: the content refused, 500: a fault). */
  failNext(count: number, status: number): void;
  /** A submission filed on the portal, served by the feed. */
  addSubmission(s: NationalSubmission): void;
  /** The records of one dossier in arrival order. */
  recordsOf(code: string): ReceivedRecord[];
  close(): Promise<void>;
}

const NATIONAL_TIME = /^\d{14}$/;

/** What the simulator checks of a record, as the portal would: the keys it dedupes and orders by, the codes, the date format. */
export function recordProblems(r: Partial<NationalRecord>): string[] {
  const problems: string[] = [];
  if (typeof r.MaHoSo !== 'string' || r.MaHoSo.length === 0) problems.push('MaHoSo');
  if (!Number.isInteger(r.SoThuTuDongBo) || (r.SoThuTuDongBo ?? 0) < 1) problems.push('SoThuTuDongBo');
  if (![1, 2, 3].includes(r.KenhThucHien as number)) problems.push('KenhThucHien');
  if (!Number.isInteger(r.TrangThaiHoSo) || (r.TrangThaiHoSo as number) < 1 || (r.TrangThaiHoSo as number) > 10) problems.push('TrangThaiHoSo');
  for (const k of ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayTra', 'NgayKetThucXuLy'] as const) {
    const v = r[k];
    if (v !== null && v !== undefined && !(typeof v === 'string' && NATIONAL_TIME.test(v))) problems.push(k);
  }
  return problems;
}

export async function startPortalSimulator(options: { readonly key?: string; readonly port?: number; readonly unref?: boolean } = {}): Promise<PortalSimulator> {
  const key = options.key ?? 'simulator-key-0000';
  const received: ReceivedRecord[] = [];
  const seen = new Set<string>();
  const submissions: NationalSubmission[] = [];
  let down = false;
  let refusedDuringOutage = 0;
  let duplicates = 0;
  let failures: { count: number; status: number } = { count: 0, status: 500 };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (down) { refusedDuringOutage++; send(res, 503, { message: 'Hệ thống đang bảo trì' }, { 'retry-after': '1' }); return; }
    if (req.headers.authorization !== `Bearer ${key}`) { send(res, 401, { message: 'Sai khóa kết nối' }); return; }
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (req.method === 'POST' && url.pathname === PUSH_PATH) {
      let record: Partial<NationalRecord>;
      try {
        record = JSON.parse(await readBody(req)) as Partial<NationalRecord>;
      } catch {
        send(res, 400, { message: 'Dữ liệu không phải JSON' });
        return;
      }
      if (failures.count > 0) { failures = { ...failures, count: failures.count - 1 }; send(res, failures.status, { message: `Lỗi giả lập ${failures.status}` }); return; }
      const problems = recordProblems(record);
      if (problems.length > 0) { send(res, 422, { message: `Trường không hợp lệ: ${problems.join(', ')}` }); return; }
      const id = `${record.MaHoSo}#${record.SoThuTuDongBo}`;
      if (seen.has(id)) { duplicates++; send(res, 409, { message: 'Đã nhận bản ghi này', receipt: id }); return; }
      seen.add(id);
      received.push({ record: record as NationalRecord, receivedAt: new Date() });
      send(res, 200, { receipt: id, duplicate: false });
      return;
    }
    if (req.method === 'GET' && url.pathname === FEED_PATH) {
      const after = Number(url.searchParams.get('sau') ?? '0');
      const from = Number.isInteger(after) && after > 0 ? after : 0;
      const items = submissions.slice(from, from + 50);
      send(res, 200, { items, cursor: String(from + items.length) });
      return;
    }
    send(res, 404, { message: 'Không có địa chỉ này' });
  };

  const server = await startLoopbackServer(handle, options);
  return {
    url: server.url, key, received,
    get refusedDuringOutage() { return refusedDuringOutage; },
    get duplicates() { return duplicates; },
    setOutage(value) { down = value; },
    failNext(count, status) { failures = { count, status }; },
    addSubmission(s) { submissions.push(s); },
    recordsOf: (code) => received.filter((r) => r.record.MaHoSo === code),
    close: () => server.close(),
  };
}
