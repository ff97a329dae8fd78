// The top of a page: its title as the document title and as the focusable h1, and its lead line.
import type { ReactNode } from 'react';
import { useDocumentTitle } from './page';

export function PageHeading({ title, lead }: { readonly title: string; readonly lead: string }) {
  useDocumentTitle(title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{lead}</p>
    </>
  );
}

/** A page that is its heading and its sections. */
export function HeadedPage({ title, lead, children }: { readonly title: string; readonly lead: string; readonly children: ReactNode }) {
  return (
    <div>
      <PageHeading title={title} lead={lead} />
      {children}
    </div>
  );
}
