// The error live region of a form: a failed request's sentence and details, else the problems the
// form itself found (a lead sentence and one line each), else nothing (the region stays, silent).
import type { ShownError } from './errors';
import { Notice } from './Notice';

interface ErrorNoticeProps {
  readonly error: ShownError | null;
  readonly problems?: { readonly lead: string; readonly lines: readonly string[] };
  readonly id?: string;
}

export function ErrorNotice({ error, problems, id }: ErrorNoticeProps) {
  const lines = error ? error.details : problems?.lines ?? [];
  const lead = error ? error.text : lines.length > 0 ? problems?.lead : null;
  return (
    <Notice tone="error" id={id}>
      {lead ? (
        <>
          <p>{lead}</p>
          {lines.length > 0 && <ul>{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>}
        </>
      ) : null}
    </Notice>
  );
}
