// The periodic report as a PDF in the province's format: national header, "BÁO CÁO Tình hình,
// kết quả giải quyết thủ tục hành chính" for the period, then I. totals, II. by channel, III. by
// level, IV. by month, V. the Decision 766 indicators with numerator and denominator, and the
// notes. A4 portrait, drawn with the forms' PDF helpers (src/forms/pdf).
import { PageSizes } from 'pdf-lib';
import { drawNationalHeader, drawTitle, renderForm } from '../forms/pdf/blocks';
import type { PageSpec } from '../forms/pdf/layout';
import { drawTable } from '../forms/pdf/table';
import type { IndicatorValue } from './indicators';
import type { Summary } from './queries';

const MM = 72 / 25.4;

/** Administrative reports are A4 portrait (ND 30/2020: margins 20–25 mm left, 15–20 mm right). */
export const A4_PORTRAIT: PageSpec = {
  size: [PageSizes.A4[0], PageSizes.A4[1]],
  margin: { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 25 * MM },
  fontSize: 10.5,
};

export const PERIODIC_REPORT_TITLE = 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

export interface PeriodicReportData {
  readonly from: string;
  readonly to: string;
  /** 'Tỉnh Đồng Tháp', 'Huyện Cao Lãnh' */
  readonly unitName: string;
  /** place in the date line, e.g. 'Đồng Tháp' */
  readonly placeName: string;
  readonly asOf: 'was' | 'is';
  readonly issuedAt: Date;
  readonly summary: Summary;
  readonly levels: readonly { label: string; received: number; online: number; postal: number; resolved: number; onTime: number; late: number }[];
  readonly months: readonly { month: string; received: number; online: number; postal: number; resolved: number; onTime: number; late: number }[];
  readonly indicators: readonly IndicatorValue[];
  readonly notes: readonly string[];
}

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const num = (n: number) => n.toLocaleString('vi-VN');
const pct = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);
const share = (n: number, d: number) => pct(d === 0 ? null : Math.round((n * 10_000) / d) / 100);

export function renderPeriodicReportPdf(data: PeriodicReportData): Promise<Uint8Array> {
  const period = `Kỳ báo cáo: từ ngày ${vnDate(data.from)} đến ngày ${vnDate(data.to)}`;
  const s = data.summary;
  return renderForm(A4_PORTRAIT, { title: `${PERIODIC_REPORT_TITLE} – ${data.unitName} – ${period}`, subject: data.unitName, issuedAt: data.issuedAt }, (w) => {
    // form set '2018' has no number for 'stop': the header is drawn without a "Mẫu số" label
    drawNationalHeader(w, {
      parentAgencyName: 'ỦY BAN NHÂN DÂN', unitName: data.unitName, placeName: data.placeName, issuedAt: data.issuedAt, formSet: '2018',
    }, { kind: 'stop', number: '      /BC-UBND' });
    drawTitle(w, PERIODIC_REPORT_TITLE, [period, data.asOf === 'is' ? 'Đơn vị hành chính theo hiện nay (quy đổi từ đơn vị cũ)' : 'Đơn vị hành chính tại thời điểm tiếp nhận']);
    const section = (t: string) => { w.space(6); w.paragraph(t, { font: 'bold' }); };

    section('I. TỔNG HỢP TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    drawTable(w, [{ header: 'Chỉ tiêu', width: 6 }, { header: 'Số lượng', width: 2, align: 'right' }, { header: 'Tỷ lệ', width: 2, align: 'right' }], [
      ['Hồ sơ tiếp nhận mới trong kỳ', num(s.received), ''],
      ['Hồ sơ còn tồn cuối kỳ (đang giải quyết)', num(s.inProgress), ''],
      ['Hồ sơ đã giải quyết', num(s.resolved), ''],
      ['  – Trước hạn, đúng hạn', num(s.resolvedEarly + s.resolvedOnTime), pct(s.onTimeShare)],
      ['  – Quá hạn', num(s.resolvedLate), pct(s.lateShare)],
      ['Hồ sơ từ chối tiếp nhận', num(s.refused), ''],
      ['Hồ sơ trả lại, dừng giải quyết, rút', num(s.rejected + s.stopped + s.withdrawn), ''],
      ['Yêu cầu bổ sung; thư xin lỗi', `${num(s.supplementRequests)}; ${num(s.apologies)}`, ''],
      ['Hồ sơ được số hóa; tái sử dụng dữ liệu', `${num(s.digitized)}; ${num(s.reused)}`, ''],
      ['Tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh', num(s.provincialCentreReceived), share(s.provincialCentreReceived, s.received)],
      ['Thời gian giải quyết bình quân (ngày làm việc)', s.averageResolutionWorkingDays === null ? '—' : s.averageResolutionWorkingDays.toLocaleString('vi-VN'), ''],
    ]);

    section('II. THEO KÊNH TIẾP NHẬN');
    drawTable(w, [{ header: 'Kênh', width: 6 }, { header: 'Tiếp nhận', width: 2, align: 'right' }, { header: 'Tỷ lệ', width: 2, align: 'right' }], [
      ['Trực tiếp tại bộ phận Một cửa', num(s.receivedCounter), share(s.receivedCounter, s.received)],
      ['Trực tuyến (dịch vụ công trực tuyến)', num(s.receivedOnline), pct(s.onlineShareOfNew)],
      ['Qua dịch vụ bưu chính công ích', num(s.receivedPostal), pct(s.postalShare)],
      ['Tổng cộng', num(s.received), s.received > 0 ? '100,00%' : '—'],
    ]);

    const flowColumns = [
      { header: 'Tiếp nhận', width: 1.6, align: 'right' as const }, { header: 'Trực tuyến', width: 1.6, align: 'right' as const },
      { header: 'BCCI', width: 1.3, align: 'right' as const }, { header: 'Đã giải quyết', width: 1.6, align: 'right' as const },
      { header: 'Đúng hạn', width: 1.5, align: 'right' as const }, { header: 'Tỷ lệ đúng hạn', width: 1.6, align: 'right' as const },
    ];
    const flowCells = (r: { received: number; online: number; postal: number; resolved: number; onTime: number }) =>
      [num(r.received), num(r.online), num(r.postal), num(r.resolved), num(r.onTime), share(r.onTime, r.resolved)];

    section('III. THEO CẤP GIẢI QUYẾT');
    drawTable(w, [{ header: 'Cấp', width: 2.4 }, ...flowColumns], data.levels.map((l) => [l.label, ...flowCells(l)]));

    section('IV. THEO THÁNG');
    drawTable(w, [{ header: 'Tháng', width: 1.6 }, ...flowColumns], data.months.map((m) => [`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`, ...flowCells(m)]), { size: 8 });

    section('V. BỘ CHỈ SỐ THEO QUYẾT ĐỊNH 766/QĐ-TTg');
    drawTable(w, [
      { header: 'Chỉ số', width: 0.8 }, { header: 'Tên chỉ số', width: 4 }, { header: 'Tử số', width: 1.2, align: 'right' },
      { header: 'Mẫu số', width: 1.2, align: 'right' }, { header: 'Giá trị', width: 1.2, align: 'right' }, { header: 'Điểm', width: 1.1, align: 'right' },
    ], data.indicators.map((i) => [
      i.code, i.name, num(i.numerator), num(i.denominator),
      i.value === null ? '—' : `${i.value.toLocaleString('vi-VN')}${i.unit === '%' ? '%' : ' ngày'}`,
      i.score === null ? '' : `${i.score.toLocaleString('vi-VN')}/${i.maxScore ?? ''}`,
    ]), { size: 8 });

    if (data.notes.length > 0) {
      section('Ghi chú');
      for (const n of data.notes) w.paragraph(`– ${n}`, { size: 9, font: 'italic' });
    }
  });
}
