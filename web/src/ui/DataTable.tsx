// A table of records that reads as a table on a wide screen and as one card per row on a phone
// (under 40rem, see styles.css `.data-table`): each cell carries its column's name, which the
// card shows before the value, so nothing is wider than the screen and nothing scrolls sideways.
// A cell's value sits in one box, so that in a card it stays beside its label however many parts
// it has (a name and its code, a badge). The roles are written out because a table whose cells are laid out as blocks loses its table
// semantics in some browsers; with them, a screen reader still reads rows and column names.
import type { ReactNode } from 'react';

export interface Column<R> {
  readonly key: string;
  /** the column's name: the table's header, and the label in a card */
  readonly header: string;
  readonly cell: (row: R) => ReactNode;
  /** numbers: right-aligned in the table */
  readonly numeric?: boolean;
  /** the cell that names its row (a code, a name): a row header, the card's title */
  readonly rowHeader?: boolean;
  /** short values that read badly when broken (codes, dates): kept on one line on a wide screen */
  readonly noWrap?: boolean;
  readonly className?: string;
}

export interface DataTableProps<R> {
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  readonly caption?: ReactNode;
  readonly className?: string;
}

function cellClass<R>(c: Column<R>): string | undefined {
  return [c.numeric ? 'num' : null, c.noWrap ? 'nowrap' : null, c.className ?? null].filter(Boolean).join(' ') || undefined;
}

export function DataTable<R>({ columns, rows, rowKey, caption, className }: DataTableProps<R>) {
  return (
    <table role="table" className={className ? `data-table ${className}` : 'data-table'}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead role="rowgroup">
        <tr role="row">{columns.map((c) => <th key={c.key} role="columnheader" scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr key={rowKey(row)} role="row">
            {columns.map((c) => (c.rowHeader
              ? <th key={c.key} role="rowheader" scope="row" data-label={c.header} className={cellClass(c)}><div className="data-table__value">{c.cell(row)}</div></th>
              : <td key={c.key} role="cell" data-label={c.header} className={cellClass(c)}><div className="data-table__value">{c.cell(row)}</div></td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
