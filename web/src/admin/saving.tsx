// What every administration form does around its request: the problems it found itself, the
// server's refusal (its sentence, and each field's detail under the field), and "busy" while the
// request runs — in one hook, and the form's frame (heading and error region) in one component.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';
import { shownError, type ShownError } from '../ui/errors';
import { fieldError } from './form-parts';

export interface Saving {
  readonly busy: boolean;
  readonly shown: ShownError | null;
  /** The form's own problems, by field (shown under the field and listed at the top). */
  readonly problems: Readonly<Record<string, string>>;
  setProblems(problems: Record<string, string>): void;
  /** Sends the request; a refusal is kept for the error region and the fields. */
  run(send: () => Promise<void>): Promise<void>;
  /** The message under a field: the form's own, else the server's detail for it. */
  err(field: string): string | null;
}

export function useSaving(): Saving {
  const { t: tApp } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<ShownError | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return {
    busy, shown, problems, setProblems,
    async run(send) {
      setBusy(true);
      try {
        await send();
      } catch (err) {
        setError(err);
        setShown(shownError(err, tApp));
      } finally {
        setBusy(false);
      }
    },
    err: (field) => problems[field] ?? fieldError(error, field),
  };
}

/** An administration form: its heading, the error region, then its fields. */
export function AdminForm({ titleId, title, saving, lead, onSubmit, children }: {
  readonly titleId: string; readonly title: string; readonly saving: Saving; readonly lead: string;
  readonly onSubmit: (event: FormEvent) => Promise<void>; readonly children: ReactNode;
}) {
  return (
    <form className="admin-panel form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ErrorNotice error={saving.shown} problems={{ lead, lines: Object.values(saving.problems) }} />
      {children}
    </form>
  );
}
