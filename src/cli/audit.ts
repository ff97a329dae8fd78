// `motcua audit verify [--dossier CODE] [--anchors [--copy FILE]]`, `motcua audit rebuild` and
// `motcua audit anchor [--out FILE]`, `motcua audit archive --year Y`: checks the hash chains of the dossier events (and their
// signed daily anchors), compares every stored dossier row with the fold of its events, and signs
// the days not yet anchored; archive detaches an old year of the log (ADR 022).
import fs from 'node:fs/promises';
import type { Database } from '../platform/db/connect';
import { compareWithFold, verifyChain, type ArchivedSkip } from '../dossiers/audit';
import { archiveEventYear } from '../dossiers/partitions';
import { isDomainError } from '../platform/errors';
import { readAnchorKey } from '../dossiers/anchor-key';
import { loadAnchors, verifyAnchors } from '../dossiers/anchor-store';
import { anchorWithKey } from '../dossiers/anchor-key-store';
import { keyIdOf, publicKeyText, type Anchor } from '../dossiers/anchors';
import { UsageError } from './usage-error';

export interface AuditOutput {
  readonly stdout: string;
  readonly exitCode: number;
}

export interface AuditOptions {
  /** verify: also check the signed daily anchors */
  readonly anchors?: boolean;
  /** verify --anchors: a copy of the anchors kept elsewhere (the file `audit anchor --out` writes) */
  readonly copy?: string;
  /** anchor: write every anchor, with the public key, to this file */
  readonly out?: string;
  /** the anchor key's file (Config.anchorKeyFile) */
  readonly keyFile?: string;
  readonly now?: Date;
  /** archive: the year to detach */
  readonly year?: string;
}

const USAGE = 'cách dùng: motcua audit verify [--dossier MÃ] [--anchors [--copy TỆP]] | motcua audit rebuild | motcua audit anchor [--out TỆP] | motcua audit archive --year NĂM';

/** The file `audit anchor --out` writes: the operator copies it elsewhere; `verify --copy` reads it. */
export interface AnchorsFile {
  readonly format: 'motcua-anchors-v1';
  readonly publicKey: string;
  readonly keyId: string;
  readonly anchors: readonly Anchor[];
}

async function keyOf(options: AuditOptions) {
  if (options.keyFile === undefined) throw new UsageError('thiếu tệp khóa neo (MOTCUA_ANCHOR_KEY_FILE).');
  const key = await readAnchorKey(options.keyFile);
  if (!key) throw new UsageError(`không có tệp khóa neo ${options.keyFile} (đặt MOTCUA_ANCHOR_KEY_FILE).`);
  return key;
}

async function readCopy(file: string): Promise<Anchor[]> {
  let parsed: Partial<AnchorsFile>;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<AnchorsFile>;
  } catch (e) {
    throw new UsageError(`không đọc được bản sao neo ${file}: ${(e as Error).message}`);
  }
  if (parsed.format !== 'motcua-anchors-v1' || !Array.isArray(parsed.anchors)) throw new UsageError(`${file} không phải tệp neo của motcua (motcua-anchors-v1).`);
  return [...parsed.anchors];
}

async function verify(db: Database, dossier: string | undefined, options: AuditOptions): Promise<AuditOutput> {
  if (options.copy !== undefined && !options.anchors) throw new UsageError('--copy chỉ dùng cùng --anchors.');
  if (options.anchors && dossier !== undefined) throw new UsageError('--anchors kiểm tra toàn bộ nhật ký, không dùng cùng --dossier.');
  const r = await verifyChain(db, dossier);
  if (!r.ok) {
    const b = r.broken;
    return { stdout: `${archivedLines(r.archived)}CHUỖI BĂM BỊ PHÁ VỠ: hồ sơ ${b.dossierCode}, sự kiện số ${b.seq} (${b.reason})\n  mong đợi: ${b.expected}\n  thực tế:  ${b.actual}\n`, exitCode: 1 };
  }
  const chains = `Chuỗi băm hợp lệ: ${r.dossiers} hồ sơ, ${r.events} sự kiện.\n${archivedLines(r.archived)}`;
  if (!options.anchors) return { stdout: chains, exitCode: 0 };
  const key = await keyOf(options);
  const copy = options.copy === undefined ? undefined : await readCopy(options.copy);
  const report = await verifyAnchors(db, key.publicKey, options.now ?? new Date(), copy);
  const keyId = keyIdOf(publicKeyText(key.publicKey));
  const archived = report.archived.map((a) => (a.tablePresent
    ? `Neo của ${a.anchoredDays} ngày có hồ sơ năm ${a.year} (đã lưu trữ) được tính lại từ bảng đã tách ${a.tableName}.\n`
    : `Năm ${a.year} đã lưu trữ và bảng ${a.tableName} đã xóa: ${a.anchoredDays} ngày có hồ sơ năm đó chỉ kiểm chữ ký, chuỗi neo và số hồ sơ `
      + `(không tính lại được mã băm) — không phải sai lệch; khôi phục bảng từ bản xuất (pg_restore -t ${a.tableName}) để kiểm đủ.\n`)).join('');
  if (report.problems.length === 0) return { stdout: `${chains}${archived}Neo hợp lệ: ${report.anchors} ngày, ký bằng khóa ${keyId}.\n`, exitCode: 0 };
  const lines = report.problems.slice(0, 50).map((p) => `  ${p.day} (${p.reason}): ${p.detail}`);
  const more = report.problems.length > 50 ? `\n  … và ${report.problems.length - 50} sai lệch khác` : '';
  return { stdout: `${chains}${archived}NEO KHÔNG KHỚP (${report.problems.length}) — khóa ${keyId}:\n${lines.join('\n')}${more}\n`, exitCode: 1 };
}

/** What verify did not check: the dossiers of archived years (ADR 022) and where their events are. */
function archivedLines(archived: readonly ArchivedSkip[] | undefined): string {
  return (archived ?? []).map((a) => `Năm ${a.year} đã lưu trữ: ${a.dossiers} hồ sơ không kiểm ở đây; sự kiện của chúng ở bảng đã tách ${a.tableName} (hoặc bản xuất của nó).\n`).join('');
}

/** `audit archive --year Y`: detaches an old year of the log (ADR 022). */
async function archive(db: Database, year: string | undefined, options: AuditOptions): Promise<AuditOutput> {
  if (year === undefined || !/^\d{4}$/.test(year)) throw new UsageError('cách dùng: motcua audit archive --year NĂM (vd. 2020)');
  try {
    const a = await archiveEventYear(db, Number(year), options.now ?? new Date());
    return {
      stdout: `Đã lưu trữ năm ${a.year}: ${a.dossiers} hồ sơ, ${a.events} sự kiện tách khỏi nhật ký vào bảng ${a.tableName}`
        + `, ${a.papers ?? 0} giấy tờ vào bảng ${a.papersTable ?? ''}.\n`
        + `Xuất các bảng ra nơi lưu trữ (pg_dump -t ${a.tableName} -t ${a.papersTable ?? ''}) rồi mới xóa bảng; hồ sơ năm đó không nhận thêm sự kiện hay giấy tờ.\n`,
      exitCode: 0,
    };
  } catch (e) {
    if (isDomainError(e)) return { stdout: `${e.message}\n`, exitCode: 1 };
    throw e;
  }
}

async function anchor(db: Database, options: AuditOptions): Promise<AuditOutput> {
  const key = await keyOf(options);
  if (!key.privateKey) throw new UsageError(`${key.file} chỉ chứa khóa công khai: cần khóa bí mật để ký neo.`);
  const made = (await anchorWithKey(db, key.file, options.now ?? new Date())) ?? [];
  const publicKey = publicKeyText(key.publicKey);
  const lines = made.map((a) => `  ${a.day}: ${a.heads} hồ sơ, ${a.digest}`);
  let stdout = made.length === 0 ? 'Không có ngày nào cần neo.\n' : `Đã neo ${made.length} ngày (khóa ${keyIdOf(publicKey)}):\n${lines.join('\n')}\n`;
  if (options.out !== undefined) {
    const file: AnchorsFile = { format: 'motcua-anchors-v1', publicKey, keyId: keyIdOf(publicKey), anchors: await loadAnchors(db) };
    await fs.writeFile(options.out, `${JSON.stringify(file, null, 2)}\n`);
    stdout += `Đã ghi ${file.anchors.length} neo vào ${options.out}.\n`;
  }
  return { stdout, exitCode: 0 };
}

export async function runAuditCommand(db: Database, sub: string | undefined, dossier: string | undefined, options: AuditOptions = {}): Promise<AuditOutput> {
  if (sub === 'verify') return verify(db, dossier, options);
  if (sub === 'anchor') {
    if (dossier !== undefined) throw new UsageError('"audit anchor" không nhận --dossier.');
    return anchor(db, options);
  }
  if (sub === 'archive') {
    if (dossier !== undefined) throw new UsageError('"audit archive" không nhận --dossier.');
    return archive(db, options.year, options);
  }
  if (sub === 'rebuild') {
    if (dossier !== undefined) throw new UsageError('"audit rebuild" không nhận --dossier.');
    const r = await compareWithFold(db);
    if (r.differences.length === 0) return { stdout: `Khớp: ${r.dossiers} hồ sơ đúng bằng kết quả dựng lại từ sự kiện.\n`, exitCode: 0 };
    const lines = r.differences.map((d) => `  ${d.dossierCode} ${d.column}: lưu ${d.stored} ≠ dựng lại ${d.folded}`);
    return { stdout: `KHÁC BIỆT (${r.differences.length}) trên ${r.dossiers} hồ sơ:\n${lines.join('\n')}\n`, exitCode: 1 };
  }
  throw new UsageError(USAGE);
}
