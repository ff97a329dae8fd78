// The state of one action dialog: what the user typed (one draft), the problems found in it, the
// staff to choose from when assigning, and the post itself.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shownError, type ShownError } from '../../ui/errors';
import { fetchAssignees, performAction, type ActionResult, type Assignee, type DossierAction, type DossierDetail } from '../api';
import { useProcessingT } from '../i18n';
import { buildActionInput, emptyDraft, type ActionDraft, type DraftProblems } from './actionInput';
import { isDangerous } from '../whereabouts';

/** The items of the dossier's supplement request (its newest one in the timeline). */
export function requestedPapersOf(dossier: Pick<DossierDetail, 'timeline'>): string[] {
  const request = [...dossier.timeline].reverse().find((e) => e.action === 'requestSupplement');
  const items = request?.payload.items;
  return Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
}

function useAssignees(action: DossierAction, code: string, onError: (e: unknown) => void): readonly Assignee[] | null {
  const [assignees, setAssignees] = useState<readonly Assignee[] | null>(null);
  useEffect(() => {
    if (action !== 'assign') return;
    const abort = new AbortController();
    fetchAssignees(code, abort.signal).then(setAssignees, (e: unknown) => { if (!abort.signal.aborted) onError(e); });
    return () => abort.abort();
  }, [action, code, onError]);
  return assignees;
}

interface Options {
  readonly dossier: DossierDetail;
  readonly action: DossierAction;
  readonly asApplicant: boolean;
  readonly onDone: (result: ActionResult) => void;
  /** focuses the first field marked invalid */
  readonly focusInvalid: () => void;
}

export function useActionForm({ dossier, action, asApplicant, onDone, focusInvalid }: Options) {
  const t = useProcessingT();
  const { t: tApp } = useTranslation();
  const [draft, setDraft] = useState<ActionDraft>(() => emptyDraft(dossier.applicant.name));
  const [problems, setProblems] = useState<DraftProblems>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  // a dangerous action is confirmed in a second step, after its inputs are checked
  const [step, setStep] = useState<'fill' | 'confirm'>('fill');
  const [requestedPapers] = useState(() => requestedPapersOf(dossier));
  const [onAssigneesError] = useState(() => (e: unknown) => setError(shownError(e, tApp)));
  const assignees = useAssignees(action, dossier.code, onAssigneesError);

  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problemOf = (key: keyof ActionDraft): string | null => {
    const k = problems[key];
    return k ? t(k) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildActionInput(action, dossier.version, draft, { asApplicant, now: new Date(), requestedPapers });
    setProblems(built.problems);
    if (Object.keys(built.problems).length > 0) { setStep('fill'); focusInvalid(); return; }
    if (isDangerous(action) && step === 'fill') { setStep('confirm'); return; }
    setBusy(true);
    setError(null);
    try {
      onDone(await performAction(dossier.code, action, built.input));
    } catch (e) {
      setError(shownError(e, tApp));
      setBusy(false);
    }
  };

  const back = () => { setStep('fill'); setError(null); };

  return { draft, set, problemOf, error, busy, assignees, submit, step, back, requestedPapers };
}

export type ActionForm = ReturnType<typeof useActionForm>;
