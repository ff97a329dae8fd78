// The top of a page: its title as the document title and as the focusable h1, and its lead line.
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
