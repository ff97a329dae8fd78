// The subcommands of `motcua`. Each returns its exit status (-1: keeps running, e.g. a server).
// Heavy modules (the database, the HTTP app) are imported inside `run`, so that `--help` and
// argument errors answer at once.
import { isRole, roles } from '../accounts/model';
import { systemClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import type { Connection } from '../platform/db/connect';
import { UsageError } from './usage-error';

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  readonly summary: string;
  readonly help: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }> | 'passthrough';
  readonly positionals?: boolean;
  run(values: Values, positionals: string[], raw: string[]): Promise<number>;
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function portOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`cổng không hợp lệ: ${value}`);
  return n;
}

/**
 * Opens the configured database for a command. On a data folder whose embedded PostgreSQL a
 * running `motcua serve` owns, the command uses that server's PostgreSQL (and says so on stderr)
 * and leaves it running.
 */
export async function openForCommand(command: string): Promise<Connection> {
  const { openDatabase } = await import('../platform/db/connect');
  const connection = await openDatabase(loadConfig(), { command });
  const holder = connection.embedded?.holder();
  if (holder) process.stderr.write(`Dùng cơ sở dữ liệu của motcua ${holder.command} đang chạy (pid ${holder.pid}); máy chủ đó vẫn tiếp tục chạy.\n`);
  return connection;
}

async function withDatabase<T>(command: string, run: (c: Connection) => Promise<T>): Promise<T> {
  const { migrate } = await import('../platform/db/migrate');
  const connection = await openForCommand(command);
  try {
    await migrate(connection.url);
    return await run(connection);
  } finally {
    await connection.close();
  }
}

/**
 * `motcua backup|restore TỆP`: exactly one file, then ./backup's command of that name on the
 * configured database, its progress lines on stdout.
 */
function fileCommand(name: 'backup' | 'restore', summary: string, help: string): Command {
  return {
    summary, help, options: {}, positionals: true,
    async run(_v, positionals) {
      if (positionals.length !== 1) throw new UsageError(`cách dùng: motcua ${name} TỆP`);
      const { backupCommand, restoreCommand } = await import('./backup');
      const command = name === 'backup' ? backupCommand : restoreCommand;
      return command(positionals[0], loadConfig().databaseUrl, openForCommand, (line) => process.stdout.write(`${line}\n`));
    },
  };
}

export const commands = {
  serve: {
    summary: 'chạy máy chủ web và API',
    help: `motcua serve [--port 3000] [--host localhost] [--seed-demo [--demo-without-dossiers]]

Chạy máy chủ. Không có DATABASE_URL thì khởi động PostgreSQL nhúng trong MOTCUA_DATA_DIR/pg.
  --port                    cổng HTTP (mặc định PORT hoặc 3000)
  --host                    địa chỉ lắng nghe (mặc định HOST hoặc localhost)
  --seed-demo               nạp dữ liệu mẫu Đồng Tháp nếu cơ sở dữ liệu trống, kèm hồ sơ của
                            những ngày làm việc vừa qua
  --demo-without-dossiers   dữ liệu mẫu không kèm hồ sơ (đơn vị, thủ tục, tài khoản)`,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'seed-demo': { type: 'boolean' }, 'demo-without-dossiers': { type: 'boolean' } },
    async run(v) {
      const base = loadConfig();
      const config = { ...base, port: portOf(str(v.port), base.port), host: str(v.host) ?? base.host };
      const { serve } = await import('./serve');
      await serve(config, { seedDemo: v['seed-demo'] === true, demoDossiers: v['demo-without-dossiers'] !== true });
      return -1;
    },
  },
  'carrier-sim': {
    summary: 'chạy hệ thống bưu điện giả lập (đơn hàng, hành trình bưu gửi) trên máy này',
    help: `motcua carrier-sim [--port 4790] [--token T]

Chạy bưu điện giả lập trên 127.0.0.1 (cùng giao thức với MOTCUA_CARRIER_URL, src/postal/README.md):
tạo đơn hàng theo số hiệu bưu gửi, cước, và dòng sự kiện hành trình. Đưa sự kiện vào bằng
POST <url>/v1/_sim/events { items: [{ eventId, orderNumber, statusCode, time }] } (kèm header Token).
Chạy máy chủ motcua với MOTCUA_CARRIER_URL và MOTCUA_CARRIER_TOKEN in ra khi khởi động.
  --port   cổng (mặc định 4790; 0: một cổng trống)
  --token  mã truy cập (8–4096 ký tự ASCII in được; mặc định: sinh ngẫu nhiên)`,
    options: { port: { type: 'string' }, token: { type: 'string' } },
    async run(v) {
      const token = str(v.token);
      if (token !== undefined && !/^[\x21-\x7e]{8,4096}$/.test(token)) throw new UsageError('--token phải gồm 8–4096 ký tự ASCII in được');
      const { startCarrierSimServer } = await import('../postal/carrier-sim-server');
      const sim = await startCarrierSimServer({ port: portOf(str(v.port), 4790), ...(token ? { token } : {}) });
      process.stdout.write(`Bưu điện giả lập: ${sim.url}\nMOTCUA_CARRIER_URL=${sim.url} MOTCUA_CARRIER_TOKEN=${sim.token}\n`);
      return -1;
    },
  },
  migrate: {
    summary: 'áp dụng các migration cơ sở dữ liệu',
    help: 'motcua migrate\n\nÁp dụng các migration chưa chạy (theo thứ tự), rồi thoát.',
    options: {},
    async run() {
      const { migrate } = await import('../platform/db/migrate');
      const connection = await openForCommand('migrate');
      try {
        const applied = await migrate(connection.url);
        process.stdout.write(applied.length ? `Đã áp dụng: ${applied.join(', ')}\n` : 'Không có migration mới.\n');
      } finally {
        await connection.close();
      }
      return 0;
    },
  },
  seed: {
    summary: 'nạp dữ liệu mẫu (--demo)',
    help: 'motcua seed --demo\n\nNạp tỉnh Đồng Tháp mẫu (đơn vị hành chính trước và sau 2025, cơ quan, điểm phục vụ, thủ tục)\nvà một tài khoản mẫu cho mỗi vai trò (mật khẩu "motcua-demo"). Chạy lại không nhân đôi dữ liệu.',
    options: { demo: { type: 'boolean' } },
    async run(v) {
      if (v.demo !== true) throw new UsageError('hãy dùng "motcua seed --demo" (chỉ có dữ liệu mẫu).');
      const { seedDemo } = await import('../seed');
      const report = await withDatabase('seed', (c) => seedDemo(c.db, systemClock));
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    },
  },
  user: {
    summary: 'quản lý người dùng (user add)',
    help: `motcua user add --username U --role R [--scope CODE] [--full-name "Họ tên"] [--personal-id 12 số] [--email E]

Tạo người dùng và in mật khẩu sinh ngẫu nhiên một lần (người dùng phải đổi khi đăng nhập).
  --role   ${roles.join(' | ')}
  --scope  mã phạm vi: mã đơn vị hành chính (admin, supervisor), mã định danh cơ quan
           (officer, approver) hoặc mã điểm phục vụ (clerk, courier)`,
    options: { username: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' }, 'full-name': { type: 'string' }, 'personal-id': { type: 'string' }, email: { type: 'string' } },
    positionals: true,
    async run(v, positionals) {
      if (positionals[0] !== 'add' || positionals.length !== 1) throw new UsageError('cách dùng: motcua user add --username U --role R [--scope CODE]');
      const username = str(v.username);
      const role = str(v.role);
      if (!username) throw new UsageError('thiếu --username');
      if (!role || !isRole(role)) throw new UsageError(`--role phải là một trong: ${roles.join(', ')}`);
      const { createUser } = await import('../accounts/service');
      const { resolveScope } = await import('../directory/service');
      const result = await withDatabase('user', (c) => createUser(
        { db: c.db, clock: systemClock, actor: null },
        { username, role, fullName: str(v['full-name']) ?? username, scopeCode: str(v.scope), personalId: str(v['personal-id']), email: str(v.email) },
        (kind, code) => resolveScope(c.db, kind, code),
      ));
      process.stdout.write(`Đã tạo ${result.user.username} (${result.user.roleLabel}). Mật khẩu (chỉ hiện một lần): ${result.password}\n`);
      return 0;
    },
  },
  calendar: {
    summary: 'lịch âm, ngày nghỉ, tính hạn giải quyết',
    help: 'motcua calendar lunar|holidays|due … (xem "motcua calendar --help")',
    options: 'passthrough',
    async run(_v, _p, raw) {
      const { calendarCommand } = await import('./calendar');
      return calendarCommand(raw);
    },
  },
  audit: {
    summary: 'kiểm tra chuỗi băm nhật ký hồ sơ và neo hằng ngày, lưu trữ năm cũ (verify, rebuild, anchor, archive)',
    help: `motcua audit verify [--dossier MÃ] [--anchors [--copy TỆP]] | motcua audit rebuild | motcua audit anchor [--out TỆP] | motcua audit archive --year NĂM

  verify   tính lại chuỗi băm sự kiện của mọi hồ sơ (hoặc một hồ sơ) và báo mắt xích hỏng đầu tiên
           --anchors  kiểm tra thêm các neo hằng ngày: chữ ký bằng khóa trong MOTCUA_ANCHOR_KEY_FILE
                      (không lấy khóa từ cơ sở dữ liệu), đầu chuỗi tính lại từ nhật ký, ngày thiếu neo
           --copy     so với bản sao các neo mà quản trị viên giữ ở nơi khác (tệp do "anchor --out" ghi)
  rebuild  dựng lại từng hồ sơ từ nhật ký sự kiện và so với bản ghi đang lưu (chỉ đọc)
  anchor   ký neo các ngày trước hôm nay chưa được neo (việc định kỳ audit.anchor cũng làm hằng ngày)
           --out      ghi mọi neo và khóa công khai vào tệp để sao lưu nơi khác
  archive  tách năm NĂM khỏi nhật ký và giấy tờ (phân vùng theo năm nộp hồ sơ, docs/adr/022): chỉ
           năm đã đủ 5 năm lưu trữ và không còn hồ sơ mở; sự kiện sang bảng dossier_events_yNĂM,
           giấy tờ sang dossier_papers_yNĂM để xuất ra nơi lưu trữ; "verify" báo số hồ sơ của năm
           đã lưu trữ mà nó không kiểm
Khóa neo: MOTCUA_ANCHOR_KEY_FILE (mặc định ~/.motcua/anchor-key.pem), không được nằm trong thư mục dữ liệu.
Thoát với mã 1 khi phát hiện sai lệch.`,
    options: { dossier: { type: 'string' }, anchors: { type: 'boolean' }, copy: { type: 'string' }, out: { type: 'string' }, year: { type: 'string' } },
    positionals: true,
    async run(v, positionals) {
      if (positionals.length !== 1) throw new UsageError('cách dùng: motcua audit verify [--dossier MÃ] [--anchors [--copy TỆP]] | motcua audit rebuild | motcua audit anchor [--out TỆP] | motcua audit archive --year NĂM');
      const { runAuditCommand } = await import('./audit');
      const config = loadConfig();
      const options = { anchors: v.anchors === true, copy: str(v.copy), out: str(v.out), keyFile: config.anchorKeyFile, year: str(v.year) };
      const out = await withDatabase('audit', (c) => runAuditCommand(c.db, positionals[0], str(v.dossier), options));
      process.stdout.write(out.stdout);
      return out.exitCode;
    },
  },
  simulate: {
    summary: 'sinh dữ liệu mô phỏng một tỉnh (kịch bản thí điểm Đồng Tháp)',
    help: `motcua simulate --scenario dong-thap-pilot --seed 1 [--dossiers N]

Sinh hồ sơ, sự kiện (chuỗi băm) và số liệu tổng hợp theo kịch bản (mặc định: thí điểm Đồng Tháp
2018-08-01 … 2022-08-11, khoảng 351.700 hồ sơ). --dossiers N đổi quy mô, giữ nguyên tỷ lệ.
Thanh tiến độ in ra stderr.`,
    options: { scenario: { type: 'string' }, seed: { type: 'string' }, dossiers: { type: 'string' } },
    async run(v) {
      const { parseSimulateArgs, progressBar, runSimulate } = await import('./simulate');
      const args = parseSimulateArgs(v);
      const report = await withDatabase('simulate', (c) => runSimulate(c.db, args, progressBar(), c.pool));
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    },
  },
  backup: fileCommand('backup',
    'sao lưu cơ sở dữ liệu vào một tệp (kể cả khi máy chủ đang chạy)',
    `motcua backup TỆP

Ghi một bản sao nhất quán của cơ sở dữ liệu (một ảnh chụp duy nhất, máy chủ vẫn phục vụ trong khi sao lưu).
PostgreSQL nhúng: định dạng của motcua (nén gzip). DATABASE_URL: pg_dump (định dạng custom) nếu có pg_dump
cùng phiên bản với máy chủ, nếu không thì định dạng của motcua. Khôi phục bằng "motcua restore TỆP".`),
  restore: fileCommand('restore',
    'khôi phục cơ sở dữ liệu từ bản sao lưu (vào một cơ sở dữ liệu trống)',
    `motcua restore TỆP

Khôi phục bản sao lưu của "motcua backup" vào cơ sở dữ liệu đã cấu hình, chỉ khi nó còn trống
(một MOTCUA_DATA_DIR mới, hoặc một DATABASE_URL mới tạo): dựng lược đồ bằng các migration của bản
sao lưu, chép dữ liệu trong một giao dịch, rồi áp dụng các migration mới hơn. Bản pg_dump cần
DATABASE_URL và pg_restore cùng phiên bản với máy chủ.`),
  report: {
    summary: 'số liệu thống kê (summary) và kiểm tra số liệu tổng hợp (rebuild)',
    help: `motcua report summary --from YYYY-MM-DD --to YYYY-MM-DD [--unit MÃ] [--as-of was|is] [--json]
motcua report rebuild [--apply]

summary: tổng hợp từ dữ liệu đã lưu (tiếp nhận, tỷ lệ trực tuyến, BCCI, đã giải quyết, đang giải quyết…).
  --as-of was (mặc định): đơn vị hành chính tại thời điểm tiếp nhận; is: đơn vị hiện nay (hồ sơ của
  đơn vị cũ tính vào đơn vị mới theo bảng quy đổi 2025). --unit chọn đơn vị theo cách nhìn đó.
rebuild: tính lại số liệu tổng hợp từ nhật ký sự kiện và so sánh; in các khác biệt, mã thoát khác 0
nếu có. --apply ghi lại số liệu tổng hợp theo nhật ký.`,
    options: { from: { type: 'string' }, to: { type: 'string' }, unit: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, apply: { type: 'boolean' } },
    positionals: true,
    async run(v, positionals) {
      const { reportCommand } = await import('./report');
      return withDatabase('report', (c) => reportCommand(c.db, positionals[0], v, (s) => process.stdout.write(s)));
    },
  },
  sync: {
    summary: 'đồng bộ Cổng DVCQG: đồng bộ bù một kỳ (backfill), xóa bản ghi đã gửi quá hạn lưu (prune)',
    help: `motcua sync backfill --from YYYY-MM-DD --to YYYY-MM-DD
motcua sync prune

backfill: mọi hồ sơ có thay đổi trong kỳ (giờ Việt Nam, tối đa 366 ngày) mà Cổng DVCQG chưa xác nhận
  thay đổi mới nhất được xếp gửi lại (bản ghi đã ngừng gửi được gửi lại); chạy lại không gửi trùng.
  Việc gửi do máy chủ (motcua serve) làm, theo thứ tự từng hồ sơ.
prune: xóa bản ghi đồng bộ đã được Cổng xác nhận, cũ hơn MOTCUA_SYNC_RETENTION_DAYS ngày (mặc định 365),
  trừ bản ghi tiếp nhận (chỉ số 1.4) và bản ghi mới nhất đã gửi của mỗi hồ sơ.`,
    options: { from: { type: 'string' }, to: { type: 'string' } },
    positionals: true,
    async run(v, positionals) {
      const { syncCommand } = await import('./sync');
      return withDatabase('sync', (c) => syncCommand(c.db, positionals[0], { from: str(v.from), to: str(v.to) }, (line) => process.stdout.write(line)));
    },
  },
} satisfies Record<string, Command>;
