/**
 * Bordered tables with wrapped cells. Rows flow across pages (the header is repeated); a row
 * taller than a page is split between pages.
 */
import { BLACK, type Align, type FormWriter } from './layout';
import type { Line } from './wrap';

export interface TableColumn {
  header: string;
  /** Relative width. */
  width: number;
  align?: Align;
}

/** A header cell spanning columns `from`..`to` (inclusive) above their own headers. */
export interface HeaderGroup {
  from: number;
  to: number;
  label: string;
}

export interface TableOptions {
  size?: number;
  groups?: HeaderGroup[];
  padding?: number;
}

interface Box {
  x: number;
  width: number;
}

export function drawTable(w: FormWriter, columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
  const size = options.size ?? w.spec.fontSize * 0.9;
  const pad = options.padding ?? 3;
  const lh = w.lineHeight(size);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const boxes: Box[] = [];
  let x = w.left;
  for (const c of columns) {
    const width = (w.contentWidth * c.width) / total;
    boxes.push({ x, width });
    x += width;
  }
  const cellLines = (text: string, i: number, bold = false): Line[] =>
    w.layout(text, { size, font: bold ? 'bold' : 'regular', width: (boxes[i]?.width ?? 0) - 2 * pad });

  const border = (box: Box, top: number, height: number): void => {
    w.page.drawRectangle({ x: box.x, y: top - height, width: box.width, height, borderWidth: 0.5, borderColor: BLACK });
  };
  const drawCell = (lines: Line[], box: Box, top: number, height: number, align: Align, middle: boolean): void => {
    const used = lines.length * lh;
    w.y = top - pad - (middle ? Math.max(0, (height - 2 * pad - used) / 2) : 0);
    for (const line of lines) {
      w.drawLine(line, box.x + pad, box.width - 2 * pad, size, align);
      w.y -= lh;
    }
  };

  const drawHeader = (): void => {
    const groups = options.groups ?? [];
    const groupOf = (i: number): HeaderGroup | undefined => groups.find((g) => i >= g.from && i <= g.to);
    const headLines = columns.map((c, i) => cellLines(c.header, i, true));
    const groupBoxes = groups.map((g) => {
      const first = boxes[g.from];
      const last = boxes[g.to];
      const box = { x: first?.x ?? 0, width: (last?.x ?? 0) + (last?.width ?? 0) - (first?.x ?? 0) };
      return { g, box, lines: w.layout(g.label, { size, font: 'bold', width: box.width - 2 * pad }) };
    });
    const groupH = groups.length ? Math.max(...groupBoxes.map((b) => b.lines.length)) * lh + 2 * pad : 0;
    const subH = Math.max(...columns.map((_, i) => (groupOf(i) ? headLines[i]?.length ?? 0 : 0)), 0) * lh + 2 * pad;
    const ownH = Math.max(...columns.map((_, i) => (groupOf(i) ? 0 : headLines[i]?.length ?? 0))) * lh + 2 * pad;
    const height = Math.max(groupH + subH, ownH);
    w.ensureSpace(height + lh + 2 * pad);
    const top = w.y;
    for (const gb of groupBoxes) {
      border(gb.box, top, groupH);
      drawCell(gb.lines, gb.box, top, groupH, 'center', true);
    }
    columns.forEach((_, i) => {
      const box = boxes[i];
      if (!box) return;
      const grouped = groupOf(i) !== undefined;
      const cellTop = grouped ? top - groupH : top;
      const cellH = grouped ? height - groupH : height;
      border(box, cellTop, cellH);
      drawCell(headLines[i] ?? [], box, cellTop, cellH, 'center', true);
    });
    w.y = top - height;
  };

  drawHeader();
  for (const row of rows) {
    let remaining = columns.map((c, i) => cellLines(row[i] ?? '', i));
    let fresh = false;
    for (;;) {
      const need = Math.max(...remaining.map((l) => l.length), 1);
      const available = Math.floor((w.y - w.bottom - 2 * pad) / lh);
      const freshCapacity = Math.floor((w.top - w.bottom - 2 * pad) / lh) - 6;
      if (!fresh && need > available && (need <= freshCapacity || available < 2)) {
        w.newPage();
        drawHeader();
        fresh = true;
        continue;
      }
      const take = Math.max(1, Math.min(need, available));
      const height = take * lh + 2 * pad;
      const top = w.y;
      columns.forEach((c, i) => {
        const box = boxes[i];
        if (!box) return;
        border(box, top, height);
        drawCell((remaining[i] ?? []).slice(0, take), box, top, height, c.align ?? 'left', false);
      });
      w.y = top - height;
      remaining = remaining.map((l) => l.slice(take));
      if (take >= need) break;
      w.newPage();
      drawHeader();
      fresh = true;
    }
  }
  w.space(4);
}
