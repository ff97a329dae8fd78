// The state of an online submission being written, shared by the citizen's portal pages and the
// clerk's assisted filing: the applicant, the e-form values, the papers (uploaded with progress or
// reused from the document store), the result delivery; saved as the server's draft (created at
// the first save), reviewed ("check your answers") and submitted.
import { useCallback, useState } from 'react';
import type { ProcedureDetail } from '../../counter/api';
import { buildFormData, eformFields, prefillEform, type ApplicantFacts, type EformValues } from '../../counter/eform';
import { createDraft, reviewDraft, saveDraft, submitDraft, type DeliveryMethod, type Draft, type DraftChanges, type DraftPaper, type Review, type Submitted } from '../api';

export interface ApplicantState {
  readonly personalId: string;
  readonly name: string;
  readonly phone: string;
  /** where the messages about the dossier also go by mail (prefilled from the citizen's account) */
  readonly email: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly birthDate: string;
  readonly address: string;
}

/** One paper as the screen holds it: nothing yet, uploading (percent), uploaded or reused. */
export type PaperState =
  | { readonly state: 'uploading'; readonly percent: number }
  | { readonly state: 'uploaded'; readonly fileId: number; readonly sizeBytes: number }
  | { readonly state: 'reused'; readonly documentId: number; readonly title: string }
  | { readonly state: 'failed'; readonly message: string };

export interface DeliveryState { readonly method: DeliveryMethod | null; readonly address: string }

const factsOf = (a: ApplicantState): ApplicantFacts => ({ personalId: a.personalId, name: a.name, birthDate: a.birthDate, phone: a.phone, email: a.email, address: a.address });

export const emptyApplicant: ApplicantState = { personalId: '', name: '', phone: '', email: '', unitCode: '', unitName: '', birthDate: '', address: '' };

const valuesOf = (formData: Readonly<Record<string, unknown>>): EformValues =>
  Object.fromEntries(Object.entries(formData).map(([k, v]) => [k, typeof v === 'boolean' ? v : String(v)]));

function papersOf(papers: readonly DraftPaper[]): Record<string, PaperState> {
  const out: Record<string, PaperState> = {};
  for (const p of papers) {
    if (p.source === 'uploaded' && p.fileId !== undefined) out[p.key] = { state: 'uploaded', fileId: p.fileId, sizeBytes: 0 };
    if (p.source === 'reused' && p.reusedDocumentId !== undefined) out[p.key] = { state: 'reused', documentId: p.reusedDocumentId, title: '' };
  }
  return out;
}

export function useDraftEditor(procedure: ProcedureDetail, initial: Draft | null, onCreated?: (id: number) => void) {
  const fields = eformFields(procedure.eformSchema);
  const [draft, setDraft] = useState<Draft | null>(initial);
  const [applicant, setApplicant] = useState<ApplicantState>(() => ({ ...emptyApplicant, ...(initial?.applicant ?? {}), unitName: '' }));
  // the e-form's applicant fields come from the applicant ("công dân không viết"), what was typed since is kept
  const [values, setValues] = useState<EformValues>(() => {
    const start = { ...emptyApplicant, ...(initial?.applicant ?? {}) };
    return prefillEform(fields, valuesOf(initial?.formData ?? {}), factsOf(start), null);
  });
  const [papers, setPapers] = useState<Record<string, PaperState>>(() => papersOf(initial?.papers ?? []));
  const [delivery, setDelivery] = useState<DeliveryState>({ method: initial?.delivery?.method ?? null, address: initial?.delivery?.address ?? '' });
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const changes = useCallback((): DraftChanges => {
    const a = applicant;
    const trimmed = Object.fromEntries(Object.entries({ personalId: a.personalId, name: a.name, phone: a.phone, email: a.email, unitCode: a.unitCode, birthDate: a.birthDate, address: a.address })
      .filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const draftPapers: DraftPaper[] = Object.entries(papers).flatMap(([key, p]): DraftPaper[] => {
      if (p.state === 'uploaded') return [{ key, source: 'uploaded', fileId: p.fileId }];
      if (p.state === 'reused') return [{ key, source: 'reused', reusedDocumentId: p.documentId }];
      return [];
    });
    return {
      applicant: trimmed, formData: buildFormData(fields, values).data, papers: draftPapers,
      delivery: delivery.method === null ? null : { method: delivery.method, ...(delivery.method === 'post' ? { address: delivery.address.trim() } : {}) },
    };
  }, [applicant, papers, values, delivery, fields]);

  /** Saves everything on the screen (creates the draft the first time). */
  const save = useCallback(async (): Promise<Draft | null> => {
    setBusy(true);
    setError(null);
    try {
      const saved = draft ? await saveDraft(draft.id, changes()) : await createDraft(procedure.code, changes());
      if (!draft) onCreated?.(saved.id);
      setDraft(saved);
      return saved;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }, [draft, changes, procedure.code, onCreated]);

  /** Saves, then asks the server for every problem, the fee and the payment. */
  const check = useCallback(async (): Promise<Review | null> => {
    const saved = await save();
    if (!saved) return null;
    try {
      const r = await reviewDraft(saved.id);
      setReview(r);
      return r;
    } catch (e) {
      setError(e);
      return null;
    }
  }, [save]);

  const submit = useCallback(async (code?: string): Promise<Submitted | null> => {
    if (!draft) return null;
    setBusy(true);
    setError(null);
    try {
      return await submitDraft(draft.id, code);
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }, [draft]);

  const setPaper = useCallback((key: string, p: PaperState | null) => setPapers((all) => {
    const next = { ...all };
    if (p === null) delete next[key]; else next[key] = p;
    return next;
  }), []);

  const updateApplicant = useCallback((next: ApplicantState) => {
    setValues((v) => prefillEform(fields, v, factsOf(next), factsOf(applicant)));
    setApplicant(next);
  }, [fields, applicant]);

  return { procedure, fields, draft, applicant, setApplicant: updateApplicant, values, setValues, papers, setPaper, delivery, setDelivery, review, busy, error, setError, save, check, submit };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
