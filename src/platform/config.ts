import path from 'node:path';

export interface Config {
  /** Any PostgreSQL ≥ 15; when absent an embedded server is started in `<dataDir>/pg`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Port of the embedded PostgreSQL server; 0 picks a free one. */
  readonly embeddedPgPort: number;
  readonly port: number;
  readonly host: string;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST ?? 'localhost';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MOTCUA_DATA_DIR ?? 'data'),
    embeddedPgPort: intFrom(env.MOTCUA_PG_PORT, 0, 'MOTCUA_PG_PORT'),
    port,
    host,
    logLevel: env.MOTCUA_LOG_LEVEL ?? env.LOG_LEVEL ?? 'info',
    publicUrl: env.MOTCUA_PUBLIC_URL ?? `http://localhost:${port}`,
    webDir: path.resolve(env.MOTCUA_WEB_DIR ?? 'web/dist'),
    sessionTtlHours: intFrom(env.MOTCUA_SESSION_TTL_HOURS, 12, 'MOTCUA_SESSION_TTL_HOURS'),
    trustProxy: trustProxyFrom(env.MOTCUA_TRUST_PROXY),
  };
}
