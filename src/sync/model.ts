// The national record (DOMAIN §1.5): what the national public service portal receives of a dossier
// at each change. Pure: built from the dossier's events up to the change (folded by dossiers/fold),
// the names of the staff who acted and the public URL of the files; no I/O, no clock.
// Field names are the portal's (TD.DichVuCongApi, F766); the authoritative schema is TT 04/2025 [U].
import { evolve, type DerivedDossier } from '../dossiers/fold';
import type { DossierEvent } from '../dossiers/events';
import { actionLabels, intakeLabel, isAction, syncCode, type SyncCode } from '../dossiers/lifecycle';
import { vnWallClock } from '../shared/civil-date';

export type { SyncCode };

/** KenhThucHien (DOMAIN §1.3): 1 direct, 2 online, 3 public postal service. */
export const channelCodes = { counter: 1, online: 2, postal: 3 } as const satisfies Record<'counter' | 'online' | 'postal', 1 | 2 | 3>;

/** `yyyyMMddHHmmss` in Vietnam time, the portal's date format; null stays null. */
export function nationalTime(at: Date | null): string | null {
  if (at === null) return null;
  const c = vnWallClock(at.getTime());
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(c.year, 4)}${p(c.month)}${p(c.day)}${p(c.hour)}${p(c.minute)}${p(c.second)}`;
}

export type Flag = 0 | 1;
const flag = (b: boolean): Flag => (b ? 1 : 0);

export interface NationalPaper {
  readonly MaThanhPhanHoSo: string;
  readonly TenThanhPhanHoSo: string;
  readonly DuocSoHoa: Flag;
  readonly DuocTaiSuDung: Flag;
  /** taken from a national database (the population or a sector DB) */
  readonly DuocLayTuKhoDMQG: Flag;
  readonly DuongDanTaiTepTin: string | null;
}

export interface NationalFee {
  readonly TenPhiLePhi: string;
  readonly MucPhi: number;
}

export interface NationalResult {
  readonly MaGiayToKetQua: string;
  readonly TenGiayToKetQua: string;
  readonly DuongDanTepTinKetQua: string;
}

export interface NationalStep {
  readonly ThuTu: number;
  readonly ThoiDiemXuLy: string;
  readonly NoiDungXuLy: string;
  readonly NguoiXuLy: string | null;
  readonly TrangThai: SyncCode;
  readonly NgayKetThucTheoQuyDinh: string | null;
}

export interface NationalRecord {
  readonly MaHoSo: string;
  /** the event seq this record describes: the portal dedupes by (MaHoSo, SoThuTuDongBo) */
  readonly SoThuTuDongBo: number;
  readonly MaTTHC: string;
  readonly KenhThucHien: 1 | 2 | 3;
  readonly TrangThaiHoSo: SyncCode;
  /** 1 citizen, 2 business (LoaiDoiTuong) */
  readonly LoaiDoiTuong: 1 | 2;
  readonly DinhDanhCHS: readonly { readonly LoaiDinhDanh: 1 | 2; readonly SoDinhDanh: string }[];
  readonly ChuHoSo: string;
  readonly NgayNopHoSo: string | null;
  readonly NgayTiepNhan: string | null;
  readonly NgayHenTra: string | null;
  readonly NgayYeuCauBoSung: string | null;
  readonly NgayTuChoi: string | null;
  readonly NgayKetThucXuLy: string | null;
  readonly NgayTra: string | null;
  readonly TaiLieuNop: readonly NationalPaper[];
  readonly HoSoCoThanhPhanSoHoa: Flag;
  readonly DanhSachLePhi: readonly NationalFee[];
  /** 1 paid on the national portal, 2 through the provincial or ministry gateway, 3 not online (F766, DVC-code) */
  readonly DuocThanhToanTrucTuyen: 1 | 2 | 3;
  readonly DanhSachGiayToKetQua: readonly NationalResult[];
  readonly QuaTrinhXuLyHoSo: readonly NationalStep[];
  readonly TaiKhoanDuocXacThucVoiVNeID: Flag;
  /**
   * a member of a bundle (issue 17, DOMAIN §10.2): the parent's code; each member is its own national
   * record. The field's national name is not in the sources [U]; absent for a dossier of its own.
   */
  readonly MaHoSoLienThong?: string;
}

export interface RecordContext {
  /** names of the staff by user id (NguoiXuLy) */
  readonly staffNames: ReadonlyMap<number, string>;
  /** base of the links to files, e.g. 'https://motcua.dongthap.gov.vn' */
  readonly publicUrl: string;
}

function stepLabel(e: DossierEvent): string {
  if (e.action === 'received' || e.action === 'submitted') return intakeLabel(e.action, e.payload);
  return isAction(e.action) ? actionLabels[e.action] : e.action;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

interface IntakePaper { key?: unknown; name?: unknown; source?: unknown; digitized?: unknown; fileId?: unknown; reusedDocumentId?: unknown }

function papersOfIntake(payload: Readonly<Record<string, unknown>>, ctx: RecordContext): NationalPaper[] {
  const papers = Array.isArray(payload.papers) ? (payload.papers as IntakePaper[]) : [];
  return papers.map((p) => {
    const fileId = num(p.fileId);
    const source = text(p.source) ?? 'paper';
    return {
      MaThanhPhanHoSo: text(p.key) ?? '',
      TenThanhPhanHoSo: text(p.name) ?? '',
      DuocSoHoa: flag(p.digitized === true || fileId !== null || num(p.reusedDocumentId) !== null),
      DuocTaiSuDung: flag(source === 'reused' || source === 'national_db' || source === 'prior_result'),
      DuocLayTuKhoDMQG: flag(source === 'national_db'),
      DuongDanTaiTepTin: fileId === null ? null : `${ctx.publicUrl}/api/v1/files/${fileId}`,
    };
  });
}

/**
 * The record of a dossier as of its last event in `events` (ordered by seq, starting at the
 * intake). Every date is the portal's `yyyyMMddHHmmss` in Vietnam time.
 */
export function nationalRecord(events: readonly DossierEvent[], ctx: RecordContext): NationalRecord {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new RangeError('a national record needs at least the intake event');
  const fees: NationalFee[] = [];
  const results: NationalResult[] = [];
  let paidOnline: 1 | 2 | 3 = 3;
  for (const e of events) {
    if (e.action === 'requestPayment') {
      const amount = num(e.payload.amountVnd);
      if (amount !== null) fees.push({ TenPhiLePhi: text(e.payload.note) ?? 'Phí, lệ phí', MucPhi: amount });
    } else if (e.action === 'paymentReceived') {
      const code = num(e.payload.paidOnlineCode);
      if (code === 1 || code === 2) paidOnline = code;
    } else if (e.action === 'attachResult') {
      const fileId = num(e.payload.fileId);
      if (fileId !== null) {
        results.push({
          MaGiayToKetQua: text(e.payload.sha256)?.slice(0, 16) ?? String(fileId),
          TenGiayToKetQua: text(e.payload.title) ?? '',
          DuongDanTepTinKetQua: `${ctx.publicUrl}/api/v1/track/${encodeURIComponent(last.dossierCode)}/result-files/${fileId}`,
        });
      }
    }
  }
  const papers = papersOfIntake(first.payload, ctx);
  // the trail: each event with the national status it left the dossier in (the row folded so far)
  const trail: NationalStep[] = [];
  let after: DerivedDossier | null = null;
  for (const e of events) {
    after = evolve(after, e);
    trail.push({
      ThuTu: e.seq, ThoiDiemXuLy: nationalTime(e.at) ?? '', NoiDungXuLy: stepLabel(e),
      NguoiXuLy: e.actorId === null ? null : ctx.staffNames.get(e.actorId) ?? null,
      TrangThai: syncCode[after.status], NgayKetThucTheoQuyDinh: nationalTime(after.due_at),
    });
  }
  const d = after as DerivedDossier;
  return {
    MaHoSo: d.code,
    SoThuTuDongBo: last.seq,
    MaTTHC: d.procedure_code,
    KenhThucHien: channelCodes[d.channel],
    TrangThaiHoSo: syncCode[d.status],
    LoaiDoiTuong: d.applicant_kind === 'organisation' ? 2 : 1,
    DinhDanhCHS: d.personal_id ? [{ LoaiDinhDanh: d.personal_id.length === 12 ? 1 : 2, SoDinhDanh: d.personal_id }] : [],
    ChuHoSo: d.applicant_name,
    NgayNopHoSo: nationalTime(d.submitted_at),
    NgayTiepNhan: nationalTime(d.received_at),
    NgayHenTra: nationalTime(d.due_at),
    NgayYeuCauBoSung: nationalTime(d.supplement_requested_at),
    NgayTuChoi: nationalTime(d.refused_at),
    // F766: the first of result ready, returned, stopped or rejected, withdrawn, refused (the fold's finished_at)
    NgayKetThucXuLy: nationalTime(d.finished_at),
    NgayTra: nationalTime(d.returned_at),
    TaiLieuNop: papers,
    HoSoCoThanhPhanSoHoa: flag(papers.some((p) => p.DuocSoHoa === 1)),
    DanhSachLePhi: fees,
    DuocThanhToanTrucTuyen: paidOnline,
    DanhSachGiayToKetQua: results,
    QuaTrinhXuLyHoSo: trail,
    TaiKhoanDuocXacThucVoiVNeID: flag(d.vneid_authenticated),
    ...(typeof first.payload.bundle === 'string' ? { MaHoSoLienThong: first.payload.bundle } : {}),
  };
}
