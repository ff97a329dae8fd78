import os from 'node:os';
import path from 'node:path';

export interface Config {
  /** Any PostgreSQL ≥ 15; when absent an embedded server is started in `<dataDir>/pg`. */
  readonly databaseUrl: string | undefined;
  /**
   * With `DATABASE_URL`: the owner's URL (`MOTCUA_DATABASE_OWNER_URL`), used at start-up only to
   * migrate, create pg-boss's schema and grant DATABASE_URL's role its rights; the server then
   * runs as DATABASE_URL's (non-superuser) role. Absent: DATABASE_URL does both (ADR 010).
   */
  readonly databaseOwnerUrl: string | undefined;
  /**
   * A streaming read replica of DATABASE_URL's server (`DATABASE_READ_URL`, same role): reports,
   * public tracking and dossier search read there (src/platform/context.ts `laggingReads`).
   * Only with DATABASE_URL; absent: every read goes to DATABASE_URL.
   */
  readonly databaseReadUrl: string | undefined;
  readonly dataDir: string;
  /** Port of the embedded PostgreSQL server; 0 picks a free one. */
  readonly embeddedPgPort: number;
  readonly port: number;
  readonly host: string;
  /**
   * First receipt day of the TT 03/2025/TT-VPCP form set (`MOTCUA_FORM_SET_2025_FROM`); dossiers
   * received earlier print the TT 01/2018 forms. Default 2025-07-01 (ND 118/2025 in force): see
   * src/forms/form-set.ts.
   */
  readonly formSet2025From: string;
  /**
   * The kind of one-stop system issuing dossier codes (`MOTCUA_CODE_SYSTEM`): `provincial` (the
   * default: a province's system, TT 01/2018 art. 19 format) or `central:AA` (a nationally
   * centralised system with its 2-digit "AA", TT 04/2025 format from 2026-01-25). The code format
   * follows this and the receipt date, never the shape of an identifier (src/dossiers/codes.ts).
   */
  readonly codeSystem: { readonly kind: 'provincial' } | { readonly kind: 'central'; readonly prefix: string };
  readonly logLevel: string;
  /** Public base URL, used in QR codes on slips. */
  readonly publicUrl: string;
  /** Where the built web app lives. */
  readonly webDir: string;
  readonly sessionTtlHours: number;
  /**
   * Which proxies may set X-Forwarded-For (rate limits key on the client address): false (the
   * default: the socket's address), a hop count, or a list of proxy addresses.
   */
  readonly trustProxy: boolean | number | string[];
  /**
   * Outgoing mail server, `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`;
   * absent: mail goes to the local mail simulator (table `mail_simulator_messages`).
   */
  readonly smtpUrl: string | undefined;
  /** The From of outgoing mail (`addr@domain` or `Tên <addr@domain>`); required with smtpUrl. */
  readonly mailFrom: string | undefined;
  /**
   * SMS gateway endpoint (JSON POST, see src/notifications/README.md); absent: the local SMS
   * simulator (table `sms_simulator_messages`). https unless the host is the loopback.
   */
  readonly smsUrl: string | undefined;
  /** Bearer token of the SMS gateway; required with smsUrl. */
  readonly smsToken: string | undefined;
  /** Registered SMS brandname passed to the gateway as `sender` (≤ 11 characters), if any. */
  readonly smsBrandname: string | undefined;
  /** Attempts before an outbox message is given up (dead) and shown to administrators. */
  readonly outboxMaxAttempts: number;
  /**
   * The national public service portal's sync endpoint and key (`MOTCUA_NATIONAL_PORTAL_URL`,
   * `MOTCUA_NATIONAL_PORTAL_KEY`; src/sync/README.md); absent: a local simulator on the loopback.
   */
  readonly nationalPortal?: { readonly url: string; readonly key: string } | undefined;
  /**
   * The pull of dossiers filed on the national portal (src/sync/pull.ts): every
   * MOTCUA_NATIONAL_PORTAL_PULL_MINUTES (1–60, a divisor of 60, default 5), filed as the account
   * MOTCUA_NATIONAL_PORTAL_PULL_USER (an account that receives dossiers); without it, no pull.
   */
  readonly nationalPortalPull: { readonly everyMinutes: number; readonly username: string | undefined };
  /** Acknowledged sync rows kept this many days (MOTCUA_SYNC_RETENTION_DAYS, 30–3650, default 365; src/sync/backfill.ts). */
  readonly syncRetentionDays: number;
  /** Bearer token that lets a scraper read /api/metrics and /api/health/detail without a session. */
  readonly metricsToken: string | undefined;
  /**
   * Ed25519 key (PEM) that signs the daily anchors of the event log (src/dossiers/anchors.ts):
   * `MOTCUA_ANCHOR_KEY_FILE`, default `~/.motcua/anchor-key.pem` (made by the demo start only).
   * Never inside the data folder; a public key there only verifies.
   */
  readonly anchorKeyFile: string;
  /**
   * Whether each JSON answer is compared with what its response schema lets through
   * (MOTCUA_RESPONSE_CHECK): 'off' (default), 'log' a difference, or 'throw' it (tests).
   */
  readonly responseCheck: 'off' | 'log' | 'throw';
  /** When approvers are told a dossier is at risk, and how the escalation job runs (MOTCUA_ESCALATION_*). */
  readonly escalation: EscalationSettings;
  /** Whether this instance runs the background jobs (MOTCUA_JOBS=off leaves them to other instances). */
  readonly jobs: boolean;
  /** Requests a minute per client on the public or login routes (MOTCUA_RATE_LIMIT_*). */
  readonly rateLimits: RateLimits;
  /** The counter queue (src/appointments/queue-*): priority, early booked citizens, kiosk limits (MOTCUA_QUEUE_*). */
  readonly queue: QueueSettings;
  /** Uploaded files: size and page limits, and where the bytes are kept (MOTCUA_FILES_*, MOTCUA_S3_*). */
  readonly files: FileSettings;
  /** Minutes between two polls of the postal carrier's tracking feed (MOTCUA_CARRIER_POLL_MINUTES, 1–60, default 5; src/postal/carrier-job.ts). */
  readonly carrierPollMinutes: number;
  /**
   * The post's order and tracking API (`MOTCUA_CARRIER_URL`, `MOTCUA_CARRIER_TOKEN`; src/postal/carrier-http.ts);
   * absent: the in-process carrier simulator.
   */
  readonly carrier?: { readonly url: string; readonly token: string } | undefined;
  /** The payment gateway (src/payments): a real one (MOTCUA_PAYMENT_GATEWAY_URL) or the local simulator (default). */
  readonly payments: PaymentSettings;
  /** The national e-ID login (src/identity/eid.ts): an OpenID Connect provider (MOTCUA_EID_*) or the local simulator at /eid-sim (default). */
  readonly eid: EidSettings;
}

export type EidSettings =
  | { readonly kind: 'simulator' }
  | { readonly kind: 'oidc'; readonly discoveryUrl: string; readonly clientId: string; readonly clientSecret: string; readonly personalIdClaim: string };

/** MOTCUA_EID_DISCOVERY_URL (…/.well-known/openid-configuration), MOTCUA_EID_CLIENT_ID, MOTCUA_EID_CLIENT_SECRET, MOTCUA_EID_PERSONAL_ID_CLAIM. */
function eidOf(env: NodeJS.ProcessEnv): EidSettings {
  const url = urlFrom(env.MOTCUA_EID_DISCOVERY_URL, 'MOTCUA_EID_DISCOVERY_URL', ['https:', 'http:'], 'https://sso.example.vn/.well-known/openid-configuration');
  if (!url) return { kind: 'simulator' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw invalid('MOTCUA_EID_DISCOVERY_URL phải dùng https (http chỉ cho máy cục bộ)');
  const clientId = given(env.MOTCUA_EID_CLIENT_ID);
  const clientSecret = given(env.MOTCUA_EID_CLIENT_SECRET);
  if (!clientId || !clientSecret) throw invalid('MOTCUA_EID_CLIENT_ID và MOTCUA_EID_CLIENT_SECRET là bắt buộc khi đặt MOTCUA_EID_DISCOVERY_URL');
  const personalIdClaim = given(env.MOTCUA_EID_PERSONAL_ID_CLAIM) ?? 'personal_id';
  if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(personalIdClaim)) throw invalid(`MOTCUA_EID_PERSONAL_ID_CLAIM=${personalIdClaim} (tên một claim của id_token)`);
  return { kind: 'oidc', discoveryUrl: url.toString(), clientId, clientSecret, personalIdClaim };
}

export interface PaymentSettings {
  /** 'simulator': the gateway simulator page served by this app at /api/v1/public/payments/simulator */
  readonly gateway: { readonly kind: 'simulator'; readonly returnTo?: 'publicUrl' | 'requestHost' } | { readonly kind: 'remote'; readonly payUrl: string; readonly refundUrl: string };
  /** the merchant code the gateway gave us (vnp_TmnCode; MOTCUA_PAYMENT_MERCHANT_CODE) */
  readonly merchantCode: string;
  /** the HMAC-SHA512 secret shared with the gateway (MOTCUA_PAYMENT_SECRET; required with a real gateway) */
  readonly secret: string;
}

/** The simulator's merchant and secret: known to anyone, valid only with the local simulator. */
export const SIMULATOR_PAYMENTS = { merchantCode: 'MOTCUASIM', secret: 'motcua-gateway-simulator-secret-not-for-production' } as const;

/**
 * Payments from the environment. The simulator, with no MOTCUA_PUBLIC_URL, sends the payer back to
 * the host the browser used (localhost or 127.0.0.1 alike); a real gateway always to the configured address.
 */
function paymentsOf(env: NodeJS.ProcessEnv): PaymentSettings {
  const payUrl = urlFrom(env.MOTCUA_PAYMENT_GATEWAY_URL, 'MOTCUA_PAYMENT_GATEWAY_URL', ['https:', 'http:'], 'https://pay.example.vn/paymentv2/vpcpay.html');
  if (!payUrl) return { gateway: { kind: 'simulator', returnTo: given(env.MOTCUA_PUBLIC_URL) ? 'publicUrl' : 'requestHost' }, ...SIMULATOR_PAYMENTS };
  if (payUrl.protocol === 'http:' && !LOOPBACK.has(payUrl.hostname)) throw invalid('MOTCUA_PAYMENT_GATEWAY_URL phải dùng https (http chỉ cho máy cục bộ)');
  const refundUrl = urlFrom(env.MOTCUA_PAYMENT_REFUND_URL, 'MOTCUA_PAYMENT_REFUND_URL', ['https:', 'http:'], 'https://pay.example.vn/merchant_webapi/api/transaction');
  const merchantCode = given(env.MOTCUA_PAYMENT_MERCHANT_CODE);
  const secret = given(env.MOTCUA_PAYMENT_SECRET);
  if (!refundUrl || !merchantCode || !secret) throw invalid('MOTCUA_PAYMENT_REFUND_URL, MOTCUA_PAYMENT_MERCHANT_CODE và MOTCUA_PAYMENT_SECRET là bắt buộc khi đặt MOTCUA_PAYMENT_GATEWAY_URL');
  if (!/^[A-Z0-9]{4,20}$/.test(merchantCode)) throw invalid('MOTCUA_PAYMENT_MERCHANT_CODE phải gồm 4–20 chữ in hoa hoặc số');
  if (secret.length < 16) throw invalid('MOTCUA_PAYMENT_SECRET phải có ít nhất 16 ký tự');
  return { gateway: { kind: 'remote', payUrl: payUrl.toString(), refundUrl: refundUrl.toString() }, merchantCode, secret };
}

export interface QueueSettings {
  /** 'first': priority walk-ins (the elderly, the disabled) before the other walk-ins; 'off': in turn (MOTCUA_QUEUE_PRIORITY) */
  readonly priority: 'first' | 'off';
  /** a booked citizen is called up to this many minutes before their time (MOTCUA_QUEUE_BOOKED_EARLY_MINUTES, 0–120) */
  readonly bookedEarlyMinutes: number;
  /** tickets one kiosk may issue a minute (MOTCUA_QUEUE_KIOSK_TICKETS_PER_MINUTE) */
  readonly kioskTicketsPerMinute: number;
  /** requests a minute per client address on the public kiosk and display routes (MOTCUA_RATE_LIMIT_QUEUE) */
  readonly publicRateLimit: number;
}

function queueSettingsOf(env: NodeJS.ProcessEnv): QueueSettings {
  const priority = given(env.MOTCUA_QUEUE_PRIORITY) ?? 'first';
  if (priority !== 'first' && priority !== 'off') throw invalid(`MOTCUA_QUEUE_PRIORITY=${priority} (first hoặc off)`);
  const early = given(env.MOTCUA_QUEUE_BOOKED_EARLY_MINUTES);
  const bookedEarlyMinutes = early === undefined ? 10 : Number(early);
  if (!Number.isInteger(bookedEarlyMinutes) || bookedEarlyMinutes < 0 || bookedEarlyMinutes > 120) throw invalid(`MOTCUA_QUEUE_BOOKED_EARLY_MINUTES=${early} (số nguyên 0–120)`);
  return {
    priority, bookedEarlyMinutes,
    kioskTicketsPerMinute: positiveInt(env.MOTCUA_QUEUE_KIOSK_TICKETS_PER_MINUTE, 20, 'MOTCUA_QUEUE_KIOSK_TICKETS_PER_MINUTE', 1000),
    publicRateLimit: positiveInt(env.MOTCUA_RATE_LIMIT_QUEUE, 600, 'MOTCUA_RATE_LIMIT_QUEUE', 100_000),
  };
}

export interface FileSettings {
  /** Largest upload in bytes (MOTCUA_FILES_MAX_MB, default 20 MiB). */
  readonly maxBytes: number;
  /** Most pages a file may have (MOTCUA_FILES_MAX_PAGES, default 200). */
  readonly maxPages: number;
  /** The folder under the data folder (default), or an S3-compatible bucket (MOTCUA_FILES_STORE=s3). */
  readonly store: { readonly kind: 'folder'; readonly dir: string } | S3Settings;
}

export interface S3Settings {
  readonly kind: 's3';
  /** MOTCUA_S3_ENDPOINT: the service's URL (any S3-compatible store); absent: AWS itself. */
  readonly endpoint: string | undefined;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Path-style addressing (host/bucket/key), which most S3-compatible servers need (MOTCUA_S3_FORCE_PATH_STYLE, default true with an endpoint). */
  readonly forcePathStyle: boolean;
  /** Local folder for temporary files while uploads arrive. */
  readonly tempDir: string;
}

export const DEFAULT_FILE_LIMITS = { maxBytes: 20 * 1024 * 1024, maxPages: 200 } as const;

function filesOf(env: NodeJS.ProcessEnv, dataDir: string): FileSettings {
  const maxBytes = positiveInt(env.MOTCUA_FILES_MAX_MB, DEFAULT_FILE_LIMITS.maxBytes / 1024 / 1024, 'MOTCUA_FILES_MAX_MB', 1024) * 1024 * 1024;
  const maxPages = positiveInt(env.MOTCUA_FILES_MAX_PAGES, DEFAULT_FILE_LIMITS.maxPages, 'MOTCUA_FILES_MAX_PAGES', 10_000);
  const kind = given(env.MOTCUA_FILES_STORE) ?? 'folder';
  const dir = path.join(dataDir, 'files');
  if (kind === 'folder') return { maxBytes, maxPages, store: { kind: 'folder', dir } };
  if (kind !== 's3') throw invalid(`MOTCUA_FILES_STORE=${kind} (folder hoặc s3)`);
  const endpoint = urlFrom(env.MOTCUA_S3_ENDPOINT, 'MOTCUA_S3_ENDPOINT', ['https:', 'http:'], 'https://s3.example.vn');
  // the keys must not travel in clear text beyond this machine
  if (endpoint && endpoint.protocol === 'http:' && !LOOPBACK.has(endpoint.hostname)) throw invalid('MOTCUA_S3_ENDPOINT phải dùng https (http chỉ cho máy cục bộ)');
  const required = (name: string) => {
    const value = given(env[name]);
    if (value === undefined) throw invalid(`${name} là bắt buộc khi MOTCUA_FILES_STORE=s3`);
    return value;
  };
  const pathStyle = given(env.MOTCUA_S3_FORCE_PATH_STYLE);
  if (pathStyle !== undefined && pathStyle !== 'true' && pathStyle !== 'false') throw invalid(`MOTCUA_S3_FORCE_PATH_STYLE=${pathStyle} (true hoặc false)`);
  return {
    maxBytes, maxPages,
    store: {
      kind: 's3', endpoint: endpoint ? endpoint.toString() : undefined, bucket: required('MOTCUA_S3_BUCKET'), region: given(env.MOTCUA_S3_REGION) ?? 'us-east-1',
      accessKeyId: required('MOTCUA_S3_ACCESS_KEY_ID'), secretAccessKey: required('MOTCUA_S3_SECRET_ACCESS_KEY'),
      forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === 'true', tempDir: path.join(dir, 'tmp'),
    },
  };
}

export interface RateLimits {
  /** POST /api/v1/auth/login (MOTCUA_RATE_LIMIT_LOGIN) */
  readonly login: number;
  /** public dossier tracking (MOTCUA_RATE_LIMIT_TRACK) */
  readonly track: number;
  /** public transparency figures and the anchors (MOTCUA_RATE_LIMIT_TRANSPARENCY) */
  readonly transparency: number;
  /** public catalogue search, generous: a post office's counters share one address (MOTCUA_RATE_LIMIT_CATALOG) */
  readonly catalog: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { login: 20, track: 30, transparency: 60, catalog: 600 };

function rateLimitsOf(env: NodeJS.ProcessEnv): RateLimits {
  const of = (name: string, fallback: number) => positiveInt(env[name], fallback, name, 100_000);
  return {
    login: of('MOTCUA_RATE_LIMIT_LOGIN', DEFAULT_RATE_LIMITS.login),
    track: of('MOTCUA_RATE_LIMIT_TRACK', DEFAULT_RATE_LIMITS.track),
    transparency: of('MOTCUA_RATE_LIMIT_TRANSPARENCY', DEFAULT_RATE_LIMITS.transparency),
    catalog: of('MOTCUA_RATE_LIMIT_CATALOG', DEFAULT_RATE_LIMITS.catalog),
  };
}

export interface EscalationSettings {
  /** How often the job runs (minutes, 1–60). */
  readonly everyMinutes: number;
  /** Working minutes before the due time at which the approvers are told. */
  readonly atRiskWorkingMinutes: number;
  /** How far back (calendar days) a due time may lie for a late dossier to be escalated. */
  readonly overdueLookbackDays: number;
  /** Dossiers handled per transaction. */
  readonly batchSize: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = { everyMinutes: 15, atRiskWorkingMinutes: 8 * 60, overdueLookbackDays: 30, batchSize: 200 };

const positiveInt = (value: string | undefined, fallback: number, name: string, max: number): number => {
  const text = given(value);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalid(`${name}=${text} (số nguyên 1–${max})`);
  return n;
};

/** MOTCUA_ESCALATION_EVERY_MINUTES, MOTCUA_ESCALATION_AT_RISK_WORKING_HOURS, MOTCUA_ESCALATION_OVERDUE_LOOKBACK_DAYS. */
function escalationOf(env: NodeJS.ProcessEnv): EscalationSettings {
  return {
    everyMinutes: positiveInt(env.MOTCUA_ESCALATION_EVERY_MINUTES, DEFAULT_ESCALATION.everyMinutes, 'MOTCUA_ESCALATION_EVERY_MINUTES', 60),
    atRiskWorkingMinutes: positiveInt(env.MOTCUA_ESCALATION_AT_RISK_WORKING_HOURS, DEFAULT_ESCALATION.atRiskWorkingMinutes / 60, 'MOTCUA_ESCALATION_AT_RISK_WORKING_HOURS', 400) * 60,
    overdueLookbackDays: positiveInt(env.MOTCUA_ESCALATION_OVERDUE_LOOKBACK_DAYS, DEFAULT_ESCALATION.overdueLookbackDays, 'MOTCUA_ESCALATION_OVERDUE_LOOKBACK_DAYS', 3650),
    batchSize: DEFAULT_ESCALATION.batchSize,
  };
}

/** The anchor key's file, refused inside the data folder (whoever copies or rewrites the data must not hold the key). */
function anchorKeyFileOf(value: string | undefined, dataDir: string): string {
  const file = path.resolve(given(value) ?? path.join(os.homedir(), '.motcua', 'anchor-key.pem'));
  const rel = path.relative(dataDir, file);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
    throw invalid(`MOTCUA_ANCHOR_KEY_FILE không được nằm trong thư mục dữ liệu (${dataDir})`);
  }
  return file;
}

function trustProxyFrom(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((a) => a.trim()).filter(Boolean);
}

const intFrom = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`Cấu hình không hợp lệ: ${name}=${value} (cần số nguyên)`);
  }
  return n;
};

const invalid = (message: string): Error => new Error(`Cấu hình không hợp lệ: ${message}`);
const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** The URL, or an error naming the variable but never echoing its value (it may hold a password). */
function urlFrom(value: string | undefined, name: string, protocols: readonly string[], example: string): URL | undefined {
  const text = given(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`${name} không phải là một URL (ví dụ ${example})`);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '') throw invalid(`${name} phải có dạng ${example}`);
  return url;
}

const MAIL_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function mailFromOf(value: string | undefined, smtp: URL | undefined): string | undefined {
  const text = given(value);
  if (text === undefined) {
    if (smtp) throw invalid('MOTCUA_MAIL_FROM là bắt buộc khi đặt MOTCUA_SMTP_URL (ví dụ "Một cửa Đồng Tháp <motcua@dongthap.gov.vn>")');
    return undefined;
  }
  const address = /<([^<>]+)>\s*$/.exec(text)?.[1] ?? text;
  if (!MAIL_ADDRESS.test(address)) throw invalid(`MOTCUA_MAIL_FROM=${text} (cần địa chỉ thư, ví dụ motcua@dongthap.gov.vn hoặc "Một cửa <motcua@dongthap.gov.vn>")`);
  return text;
}

function smsOf(env: NodeJS.ProcessEnv): Pick<Config, 'smsUrl' | 'smsToken' | 'smsBrandname'> {
  const url = urlFrom(env.MOTCUA_SMS_URL, 'MOTCUA_SMS_URL', ['https:', 'http:'], 'https://sms.example.vn/api/send');
  // the bearer token must not travel in clear text beyond this machine
  if (url && url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw invalid('MOTCUA_SMS_URL phải dùng https (http chỉ cho máy cục bộ)');
  const token = given(env.MOTCUA_SMS_TOKEN);
  if (url && token === undefined) throw invalid('MOTCUA_SMS_TOKEN là bắt buộc khi đặt MOTCUA_SMS_URL');
  if (token !== undefined && !/^[\x21-\x7e]{8,4096}$/.test(token)) throw invalid('MOTCUA_SMS_TOKEN phải gồm 8–4096 ký tự ASCII in được, không có khoảng trắng');
  const brandname = given(env.MOTCUA_SMS_BRANDNAME);
  if (brandname !== undefined && !/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}$/.test(brandname)) {
    throw invalid(`MOTCUA_SMS_BRANDNAME=${brandname} (tên định danh tối đa 11 ký tự: chữ không dấu, số, dấu cách . _ -)`);
  }
  return { smsUrl: url ? given(env.MOTCUA_SMS_URL) : undefined, smsToken: url ? token : undefined, smsBrandname: brandname };
}

function attemptsFrom(value: string | undefined): number {
  const text = given(value);
  if (text === undefined) return 10;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw invalid(`MOTCUA_OUTBOX_MAX_ATTEMPTS=${text} (số nguyên 1–50)`);
  return n;
}

function outgoingOf(env: NodeJS.ProcessEnv): Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsUrl' | 'smsToken' | 'smsBrandname' | 'outboxMaxAttempts'> {
  const smtp = urlFrom(env.MOTCUA_SMTP_URL, 'MOTCUA_SMTP_URL', ['smtp:', 'smtps:'], 'smtp://người-dùng:mật-khẩu@máy-chủ:587 hoặc smtps://…:465');
  return { smtpUrl: smtp ? given(env.MOTCUA_SMTP_URL) : undefined, mailFrom: mailFromOf(env.MOTCUA_MAIL_FROM, smtp), ...smsOf(env), outboxMaxAttempts: attemptsFrom(env.MOTCUA_OUTBOX_MAX_ATTEMPTS) };
}

function metricsTokenOf(value: string | undefined): string | undefined {
  const token = given(value);
  if (token !== undefined && !/^[\x21-\x7e]{16,4096}$/.test(token)) throw invalid('MOTCUA_METRICS_TOKEN phải gồm 16–4096 ký tự ASCII in được, không có khoảng trắng');
  return token;
}

function responseCheckFrom(value: string | undefined): Config['responseCheck'] {
  const text = given(value) ?? 'off';
  if (text !== 'off' && text !== 'log' && text !== 'throw') throw invalid(`MOTCUA_RESPONSE_CHECK=${text} (off, log hoặc throw)`);
  return text;
}

function codeSystemFrom(value: string | undefined): Config['codeSystem'] {
  const text = given(value) ?? 'provincial';
  if (text === 'provincial') return { kind: 'provincial' };
  const m = /^central:(\d{2})$/.exec(text);
  if (!m?.[1]) throw invalid(`MOTCUA_CODE_SYSTEM=${text} (provincial hoặc central:AA, AA gồm 2 chữ số)`);
  return { kind: 'central', prefix: m[1] };
}

function formSetSwitchFrom(value: string | undefined): string {
  const text = given(value) ?? '2025-07-01';
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text)) throw invalid(`MOTCUA_FORM_SET_2025_FROM=${text} (dạng YYYY-MM-DD)`);
  return text;
}

/** A job's interval in minutes: 1–60 and a divisor of 60, so that its runs fall on the same minutes every hour. */
function minutesDividing60(value: string | undefined, fallback: number, name: string): number {
  const text = given(value);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 60 || 60 % n !== 0) throw invalid(`${name}=${text} (số phút 1–60, ước của 60)`);
  return n;
}

const carrierPollMinutesOf = (value: string | undefined): number => minutesDividing60(value, 5, 'MOTCUA_CARRIER_POLL_MINUTES');

function databaseReadUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const url = given(env.DATABASE_READ_URL);
  if (url === undefined) return undefined;
  if (!env.DATABASE_URL) throw invalid('DATABASE_READ_URL chỉ dùng cùng DATABASE_URL (bản sao chỉ đọc của máy chủ DATABASE_URL)');
  if (!/^postgres(ql)?:\/\/[^/]+/.test(url)) throw invalid('DATABASE_READ_URL phải có dạng postgres://user:pass@host:5432/motcua');
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST ?? 'localhost';
  const dataDir = path.resolve(env.MOTCUA_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_URL ? (given(env.MOTCUA_DATABASE_OWNER_URL) ?? undefined) : undefined,
    databaseReadUrl: databaseReadUrlOf(env),
    dataDir,
    embeddedPgPort: intFrom(env.MOTCUA_PG_PORT, 0, 'MOTCUA_PG_PORT'),
    port,
    host,
    logLevel: env.MOTCUA_LOG_LEVEL ?? env.LOG_LEVEL ?? 'info',
    publicUrl: env.MOTCUA_PUBLIC_URL ?? `http://localhost:${port}`,
    webDir: path.resolve(env.MOTCUA_WEB_DIR ?? 'web/dist'),
    sessionTtlHours: intFrom(env.MOTCUA_SESSION_TTL_HOURS, 12, 'MOTCUA_SESSION_TTL_HOURS'),
    trustProxy: trustProxyFrom(env.MOTCUA_TRUST_PROXY),
    ...outgoingOf(env),
    metricsToken: metricsTokenOf(env.MOTCUA_METRICS_TOKEN),
    anchorKeyFile: anchorKeyFileOf(env.MOTCUA_ANCHOR_KEY_FILE, dataDir),
    responseCheck: responseCheckFrom(env.MOTCUA_RESPONSE_CHECK),
    escalation: escalationOf(env),
    jobs: given(env.MOTCUA_JOBS) !== 'off',
    rateLimits: rateLimitsOf(env),
    formSet2025From: formSetSwitchFrom(env.MOTCUA_FORM_SET_2025_FROM),
    codeSystem: codeSystemFrom(env.MOTCUA_CODE_SYSTEM),
    queue: queueSettingsOf(env),
    files: filesOf(env, dataDir),
    carrierPollMinutes: carrierPollMinutesOf(env.MOTCUA_CARRIER_POLL_MINUTES),
    carrier: carrierOf(env),
    nationalPortal: nationalPortalOf(env),
    nationalPortalPull: { everyMinutes: minutesDividing60(env.MOTCUA_NATIONAL_PORTAL_PULL_MINUTES, 5, 'MOTCUA_NATIONAL_PORTAL_PULL_MINUTES'), username: given(env.MOTCUA_NATIONAL_PORTAL_PULL_USER) },
    payments: paymentsOf(env),
    eid: eidOf(env),
    syncRetentionDays: Math.max(30, positiveInt(env.MOTCUA_SYNC_RETENTION_DAYS, 365, 'MOTCUA_SYNC_RETENTION_DAYS', 3650)),
  };
}

/** An outside service's base URL and secret (https unless on this machine; the secret 8–4096 printable ASCII): absent when the URL is not set. */
function endpointOf(env: NodeJS.ProcessEnv, urlName: string, secretName: string, example: string): { readonly url: string; readonly secret: string } | undefined {
  const url = urlFrom(env[urlName], urlName, ['https:', 'http:'], example);
  if (!url) return undefined;
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw invalid(`${urlName} phải dùng https (http chỉ cho máy cục bộ)`);
  const secret = given(env[secretName]);
  if (secret === undefined) throw invalid(`${secretName} là bắt buộc khi đặt ${urlName}`);
  if (!/^[\x21-\x7e]{8,4096}$/.test(secret)) throw invalid(`${secretName} phải gồm 8–4096 ký tự ASCII in được, không có khoảng trắng`);
  return { url: url.toString().replace(/\/$/, ''), secret };
}

function nationalPortalOf(env: NodeJS.ProcessEnv): Config['nationalPortal'] {
  const e = endpointOf(env, 'MOTCUA_NATIONAL_PORTAL_URL', 'MOTCUA_NATIONAL_PORTAL_KEY', 'https://dichvucong.gov.vn/api/dongbo');
  return e ? { url: e.url, key: e.secret } : undefined;
}

function carrierOf(env: NodeJS.ProcessEnv): Config['carrier'] {
  const e = endpointOf(env, 'MOTCUA_CARRIER_URL', 'MOTCUA_CARRIER_TOKEN', 'https://api.buudien.vn/bcci');
  return e ? { url: e.url, token: e.secret } : undefined;
}
