// What a screen or a section shows while its data loads: "loading", the error in the user's
// words, or the data — and for a list, how many were found above the table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from './DataTable';
import { errorMessage } from './errors';
import { Notice } from './Notice';
import type { Loaded } from './useLoad';

export function LoadedView<T>({ loaded, loadingText, children }: {
  readonly loaded: Loaded<T>;
  readonly loadingText: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (loaded.status === 'loading') return <p role="status">{loadingText}</p>;
  if (loaded.status === 'failed') return <FailedNotice error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

/** What to tell the user about a failed request (nothing while `error` is null). */
export function FailedNotice({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  return error === null ? null : <Notice tone="error">{errorMessage(error, t)}</Notice>;
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
