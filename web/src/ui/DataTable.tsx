// A table of records that reads as a table on a wide screen and as one card per row on a phone
// (under 40rem, see styles.css `.data-table`): each cell carries its column's name, which the
// card shows before the value, so nothing is wider than the screen and nothing scrolls sideways.
import type { ReactNode } from 'react';

export interface Column<R> {
  readonly key: string;
  /** the column's name: the table's header, and the label in a card */
  readonly header: string;
  readonly cell: (row: R) => ReactNode;
  /** numbers: right-aligned in the table */
  readonly numeric?: boolean;
  readonly className?: string;
}

interface DataTableProps<R> {
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  readonly caption?: ReactNode;
  readonly className?: string;
}

export function DataTable<R>({ columns, rows, rowKey, caption, className }: DataTableProps<R>) {
  return (
    <table className={className ? `data-table ${className}` : 'data-table'}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => {
              const cls = [c.numeric ? 'num' : null, c.className ?? null].filter(Boolean).join(' ') || undefined;
              return <td key={c.key} data-label={c.header} className={cls}>{c.cell(row)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
