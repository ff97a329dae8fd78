// What an administration screen shows while its data loads: "loading", the error in the user's
// words, or the data — and for a list, how many were found above the table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from '../ui/DataTable';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import type { Loaded } from './useLoad';

export function LoadedView<T>({ loaded, loadingText, children }: {
  readonly loaded: Loaded<T>;
  readonly loadingText: string;
  readonly children: (data: T) => ReactNode;
}) {
  const { t: tApp } = useTranslation();
  if (loaded.status === 'loading') return <p role="status">{loadingText}</p>;
  if (loaded.status === 'failed') return <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>;
  return <>{children(loaded.data)}</>;
}

/** A page of records: "found N" (what `foundText` says of the page) above the table. */
export function LoadedTable<R, P extends { readonly items: readonly R[]; readonly total: number }>({ loaded, loadingText, foundText, ...table }: {
  readonly loaded: Loaded<P>;
  readonly loadingText: string;
  readonly foundText: (page: P) => ReactNode;
} & Omit<DataTableProps<R>, 'rows'>) {
  return (
    <LoadedView loaded={loaded} loadingText={loadingText}>
      {(page) => (
        <>
          <p role="status">{foundText(page)}</p>
          <DataTable {...table} rows={page.items} />
        </>
      )}
    </LoadedView>
  );
}
