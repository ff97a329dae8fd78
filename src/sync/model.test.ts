import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, nextEvent, type DossierEvent, type EventAction } from '../dossiers/events';
import { nationalRecord, nationalTime } from './model';

const CODE = '000.00.00.H20-260309-0007';
const ctx = { staffNames: new Map([[11, 'Nguyễn Thị Lan'], [12, 'Trần Văn Bình']]), publicUrl: 'https://motcua.example.vn' };

const intakePayload = (over: Record<string, unknown> = {}) => ({
  code: CODE, codeFormat: 'tt01-2018', provinceCode: '82', procedureId: 5, procedureCode: '1.001193.000.00.00.H20',
  applicantId: 3, applicantName: 'Lê Văn An', applicantPhone: '0912345678', personalId: '082090001234',
  receivingServicePointId: 2, receivingAgencyId: 4, competentAgencyId: 4, unitPath: '/82/', applicantUnitId: null,
  channel: 'counter', onlineLevel: null, vneidAuthenticated: false,
  receivedAt: '2026-03-09T02:15:30.000Z', dueAt: '2026-03-12T10:00:00.000Z', calendarVersion: 'v1', formData: {},
  papers: [
    { key: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0, source: 'scanned', digitized: true, fileId: 41 },
    { key: 'cccd', name: 'Căn cước', originals: 0, copies: 1, source: 'reused', digitized: true, reusedDocumentId: 9, fileId: 42 },
    { key: 'giay-khai-sinh', name: 'Giấy khai sinh', originals: 1, copies: 0, source: 'paper', digitized: false },
    { key: 'xac-nhan-cu-tru', name: 'Xác nhận cư trú', originals: 0, copies: 0, source: 'national_db', digitized: true },
  ],
  ...over,
});

/** Events in order: each [action, actor id, payload, ISO time]. */
function log(intake: { action: 'received' | 'submitted'; at: string; payload?: Record<string, unknown> }, ...rest: [EventAction, number | null, Record<string, unknown>, string][]): DossierEvent[] {
  const events: DossierEvent[] = [];
  let prev = { seq: 0, hash: GENESIS_HASH };
  const add = (action: EventAction, actorId: number | null, payload: Record<string, unknown>, at: string) => {
    const e = nextEvent({ id: 1, code: CODE }, prev, action, actorId === null ? null : { userId: actorId, role: 'clerk' }, payload, new Date(at));
    events.push(e);
    prev = { seq: e.seq, hash: e.hash };
  };
  add(intake.action, 11, intake.payload ?? intakePayload(), intake.at);
  for (const [a, actor, p, at] of rest) add(a, actor, p, at);
  return events;
}

describe('national time', () => {
  it('writes an instant as yyyyMMddHHmmss in Vietnam time', () => {
    expect(nationalTime(new Date('2026-03-09T02:15:30Z'))).toBe('20260309091530');
    // 17:30 UTC on the 31st of December is already New Year in Vietnam
    expect(nationalTime(new Date('2025-12-31T17:30:05Z'))).toBe('20260101003005');
    expect(nationalTime(null)).toBeNull();
  });

  it('is always 14 digits and reads back to the same second (UTC+7)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
      const t = nationalTime(new Date(ms)) ?? '';
      expect(t).toMatch(/^\d{14}$/);
      const back = Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10) - 7, +t.slice(10, 12), +t.slice(12, 14));
      expect(back).toBe(Math.floor(ms / 1000) * 1000);
    }));
  });
});

describe('the national record of a dossier', () => {
  it('maps a counter intake: code, channel 1, status 2, dates, papers with their digitized and reused flags', () => {
    const r = nationalRecord(log({ action: 'received', at: '2026-03-09T02:15:30Z' }), ctx);
    expect(r).toMatchObject({
      MaHoSo: CODE, SoThuTuDongBo: 1, MaTTHC: '1.001193.000.00.00.H20', KenhThucHien: 1, TrangThaiHoSo: 2, LoaiDoiTuong: 1,
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '082090001234' }], ChuHoSo: 'Lê Văn An',
      NgayNopHoSo: '20260309091530', NgayTiepNhan: '20260309091530', NgayHenTra: '20260312170000',
      NgayYeuCauBoSung: null, NgayTuChoi: null, NgayKetThucXuLy: null, NgayTra: null,
      HoSoCoThanhPhanSoHoa: 1, DanhSachLePhi: [], DuocThanhToanTrucTuyen: 3, DanhSachGiayToKetQua: [], TaiKhoanDuocXacThucVoiVNeID: 0,
    });
    expect(r.TaiLieuNop).toEqual([
      { MaThanhPhanHoSo: 'to-khai', TenThanhPhanHoSo: 'Tờ khai', DuocSoHoa: 1, DuocTaiSuDung: 0, DuocLayTuKhoDMQG: 0, DuongDanTaiTepTin: 'https://motcua.example.vn/api/v1/files/41' },
      { MaThanhPhanHoSo: 'cccd', TenThanhPhanHoSo: 'Căn cước', DuocSoHoa: 1, DuocTaiSuDung: 1, DuocLayTuKhoDMQG: 0, DuongDanTaiTepTin: 'https://motcua.example.vn/api/v1/files/42' },
      { MaThanhPhanHoSo: 'giay-khai-sinh', TenThanhPhanHoSo: 'Giấy khai sinh', DuocSoHoa: 0, DuocTaiSuDung: 0, DuocLayTuKhoDMQG: 0, DuongDanTaiTepTin: null },
      { MaThanhPhanHoSo: 'xac-nhan-cu-tru', TenThanhPhanHoSo: 'Xác nhận cư trú', DuocSoHoa: 1, DuocTaiSuDung: 1, DuocLayTuKhoDMQG: 1, DuongDanTaiTepTin: null },
    ]);
    expect(r.QuaTrinhXuLyHoSo).toEqual([
      { ThuTu: 1, ThoiDiemXuLy: '20260309091530', NoiDungXuLy: 'Tiếp nhận hồ sơ', NguoiXuLy: 'Nguyễn Thị Lan', TrangThai: 2, NgayKetThucTheoQuyDinh: '20260312170000' },
    ]);
  });

  it('maps channels: online submission is 2 with status 1, postal is 3', () => {
    const online = nationalRecord(log({ action: 'submitted', at: '2026-03-09T13:00:00Z', payload: intakePayload({ channel: 'online', onlineLevel: 'full', receivedAt: null, dueAt: null, papers: [] }) }), ctx);
    expect(online).toMatchObject({ KenhThucHien: 2, TrangThaiHoSo: 1, NgayNopHoSo: '20260309200000', NgayTiepNhan: null, NgayHenTra: null, HoSoCoThanhPhanSoHoa: 0 });
    const postal = nationalRecord(log({ action: 'received', at: '2026-03-09T03:00:00Z', payload: intakePayload({ channel: 'postal' }) }), ctx);
    expect(postal.KenhThucHien).toBe(3);
  });

  it('follows the whole life: forward 4, supplement 5 and back, fee 6 paid on the province gateway, result 9 with its file, returned 10', () => {
    const events = log(
      { action: 'received', at: '2026-03-09T02:15:30Z' },
      ['forward', 11, { toAgencyId: 4 }, '2026-03-09T03:00:00Z'],
      ['requestSupplement', 12, { missing: ['Giấy khai sinh'] }, '2026-03-09T07:00:00Z'],
      ['supplementReceived', 11, {}, '2026-03-10T02:00:00Z'],
      ['requestPayment', 12, { amountVnd: 50_000, note: 'Lệ phí cấp bản sao' }, '2026-03-10T03:00:00Z'],
      ['paymentReceived', 11, { paymentChannel: 'online_provincial', online: true, paidOnlineCode: 2 }, '2026-03-10T04:00:00Z'],
      ['attachResult', 12, { fileId: 77, sha256: 'ab'.repeat(32), title: 'Bản sao trích lục khai sinh', first: true }, '2026-03-11T02:00:00Z'],
      ['markResultReady', 12, {}, '2026-03-11T03:00:00Z'],
      ['return', 11, { channel: 'counter' }, '2026-03-12T08:45:00Z'],
    );
    const statuses = events.map((_, i) => nationalRecord(events.slice(0, i + 1), ctx).TrangThaiHoSo);
    expect(statuses).toEqual([2, 4, 5, 4, 6, 4, 4, 9, 10]);
    const r = nationalRecord(events, ctx);
    expect(r).toMatchObject({
      SoThuTuDongBo: 9, TrangThaiHoSo: 10, NgayYeuCauBoSung: '20260309140000', NgayKetThucXuLy: '20260311100000', NgayTra: '20260312154500',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp bản sao', MucPhi: 50_000 }], DuocThanhToanTrucTuyen: 2,
      DanhSachGiayToKetQua: [{ MaGiayToKetQua: 'abababababababab', TenGiayToKetQua: 'Bản sao trích lục khai sinh', DuongDanTepTinKetQua: `https://motcua.example.vn/api/v1/track/${encodeURIComponent(CODE)}/result-files/77` }],
    });
    expect(r.QuaTrinhXuLyHoSo.map((s) => [s.ThuTu, s.TrangThai, s.NguoiXuLy])).toEqual([
      [1, 2, 'Nguyễn Thị Lan'], [2, 4, 'Nguyễn Thị Lan'], [3, 5, 'Trần Văn Bình'], [4, 4, 'Nguyễn Thị Lan'], [5, 6, 'Trần Văn Bình'],
      [6, 4, 'Nguyễn Thị Lan'], [7, 4, 'Trần Văn Bình'], [8, 9, 'Trần Văn Bình'], [9, 10, 'Nguyễn Thị Lan'],
    ]);
    expect(r.QuaTrinhXuLyHoSo[2]?.NoiDungXuLy).toBe('Yêu cầu bổ sung hồ sơ');
  });

  it('reports a refusal at intake as 3 with its date, a stop as 8, a withdrawal as 7', () => {
    const submitted = { action: 'submitted' as const, at: '2026-03-09T01:00:00Z', payload: intakePayload({ channel: 'online', receivedAt: null, dueAt: null }) };
    const refused = nationalRecord(log(submitted, ['refuse', 11, { reason: 'Không thuộc thẩm quyền' }, '2026-03-09T02:00:00Z']), ctx);
    expect(refused).toMatchObject({ TrangThaiHoSo: 3, NgayTuChoi: '20260309090000', NgayKetThucXuLy: '20260309090000' });
    const stopped = nationalRecord(log({ action: 'received', at: '2026-03-09T02:15:30Z' }, ['stop', 12, { reason: 'Theo yêu cầu' }, '2026-03-09T05:00:00Z']), ctx);
    expect(stopped.TrangThaiHoSo).toBe(8);
    const withdrawn = nationalRecord(log(submitted, ['withdraw', null, { reason: 'Nộp nhầm' }, '2026-03-09T03:00:00Z']), ctx);
    expect(withdrawn).toMatchObject({ TrangThaiHoSo: 7, NgayKetThucXuLy: '20260309100000' });
    expect(withdrawn.QuaTrinhXuLyHoSo[1]?.NguoiXuLy).toBeNull();
  });

  it('names an organisation as business (2) and an old 9-digit ID as type 2', () => {
    const r = nationalRecord(log({ action: 'received', at: '2026-03-09T02:15:30Z', payload: intakePayload({ personalId: '385123456', party: { kind: 'organisation', name: 'Công ty A', taxCode: '0312345678' } }) }), ctx);
    expect(r.LoaiDoiTuong).toBe(2);
    expect(r.DinhDanhCHS).toEqual([{ LoaiDinhDanh: 2, SoDinhDanh: '385123456' }]);
  });

  it('refuses an empty log', () => {
    expect(() => nationalRecord([], ctx)).toThrow(RangeError);
  });
});
