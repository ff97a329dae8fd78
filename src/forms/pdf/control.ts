/**
 * Mẫu 05 (TT 01/2018) / 06 (TT 03/2025): Phiếu kiểm soát quá trình giải quyết hồ sơ (A5).
 * One row per hand-over "Giao: … / Nhận: …" with its time, timeliness and note [S].
 */
import { formatDuration, formatShortDateTime, formatVnDateTime, TIMELINESS_TEXT } from '../format';
import type { ControlSlipData } from '../model';
import { drawNationalHeader, drawTitle, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';
import { drawTable } from './table';

export const CONTROL_TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

const signer = (name: string | undefined) => (name ? ` ${name}` : '');

/** The table cells of one hand-over row (pure, for tests). */
export function controlRowCells(row: ControlSlipData['rows'][number], index: number): string[] {
  return [
    `${index + 1}. Giao: ${row.from}\nNhận: ${row.to}`,
    `${formatVnDateTime(row.at)}\nNgười giao:${signer(row.handedBy)}\n\nNgười nhận:${signer(row.receivedBy)}\n`,
    row.result ? `${TIMELINESS_TEXT[row.result]}${row.step ? ' (so với thời hạn của bước)' : ''}` : '',
    [row.trackingNumber ? `Bưu gửi ${row.trackingNumber}` : '', ...stepLines(row.step), row.note ?? ''].filter((x) => x !== '').join('\n'),
  ];
}

/** A step's own time: allotted, deadline, done (pure). */
export function stepLines(step: ControlSlipData['rows'][number]['step']): string[] {
  if (!step) return [];
  return [
    step.allotted ? `Thời gian của bước: ${formatDuration(step.allotted)}` : '',
    step.dueAt ? `Hạn của bước: ${formatShortDateTime(step.dueAt)}` : '',
    step.doneAt ? `Hoàn thành: ${formatShortDateTime(step.doneAt)}` : 'Chưa hoàn thành',
  ].filter((x) => x !== '');
}

export function renderControlSlip(data: ControlSlipData): Promise<Uint8Array> {
  const meta = { title: `${CONTROL_TITLE} – ${data.code}`, issuedAt: data.header.issuedAt };
  return renderForm(A5_PORTRAIT, meta, (w) => {
    drawNationalHeader(w, data.header, { kind: 'control' });
    drawTitle(w, CONTROL_TITLE);
    w.field('Mã hồ sơ', data.code, { size: w.spec.fontSize * 1.1 });
    w.paragraph(`(Kèm theo hồ sơ của: ${data.applicant.name})`, { font: 'italic' });
    w.field('Nơi nhận kết quả', data.resultPlace, { spaceAfter: 4 });
    drawTable(
      w,
      [
        { header: 'TÊN CƠ QUAN', width: 3.4 },
        { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: 3.6 },
        { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ Đúng hạn/ Quá hạn)', width: 2.4, align: 'center' },
        { header: 'GHI CHÚ', width: 1.6 },
      ],
      data.rows.map(controlRowCells),
      { size: w.spec.fontSize * 0.8 },
    );
  });
}
