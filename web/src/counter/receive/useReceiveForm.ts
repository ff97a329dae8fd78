// The state of "Tiếp nhận hồ sơ" and what the clerk does with it: choose a procedure, fill the
// applicant (by hand or from the CCCD QR code), tick papers, fill the e-form, review, submit with
// one idempotency key per form (a double click or a retry never makes two dossiers), start over.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { vnToday } from '../../ui/dates';
import { shownError, type ShownError } from '../../ui/errors';
import { fetchProcedure, fetchServicePoint, receiveDossier, type IntakeResult, type ProcedureDetail } from '../api';
import { checklistOf, papersToSend, rowsOfSituation, situationMissing, situationsOf, type PaperRow } from '../checklist';
import type { ChosenUnit } from '../CommunePicker';
import { buildFormData, eformFields, prefillEform, type ApplicantFacts, type EformField, type EformValues } from '../eform';
import { useCounterT } from '../i18n';
import { applicantBody, findProblems, type Problem } from './problems';
import { useCaseT } from './case-i18n';
import { useChoicesT } from './choices-i18n';
import { useScanT } from './scan-i18n';
import { choicesBody, choicesProblems, useIntakeChoices } from './useIntakeChoices';
import { useCaseAndPlace } from './useCaseAndPlace';
import { useIdCardQr } from './useIdCardQr';
import { usePaperScans } from './usePaperScans';
import { useStoreReuse } from './useStoreReuse';
import { useBookingReuse } from './useBookingReuse';
import { composeState } from './scans';

export const emptyApplicant: ApplicantFacts = { personalId: '', name: '', birthDate: '', phone: '', email: '', address: '' };

/** A UUID v4 from getRandomValues (randomUUID needs a secure context; counters may run on plain HTTP). */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type ReceiveMode = 'edit' | 'review' | 'done';
export type FocusTarget = 'invalid' | 'review' | 'done' | 'edit';
export type { QrMessage } from './useIdCardQr';

/** Focus follows what changed: the first invalid field, the review, the result. */
export function useFocusAfter(page: RefObject<HTMLDivElement | null>) {
  const [tick, setTick] = useState<{ target: FocusTarget; n: number } | null>(null);
  useEffect(() => {
    const root = page.current;
    if (!tick || !root) return;
    if (tick.target === 'invalid') root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else root.querySelector<HTMLElement>(`[data-focus="${tick.target}"]`)?.focus();
  }, [tick, page]);
  return (target: FocusTarget) => setTick((f) => ({ target, n: (f?.n ?? 0) + 1 }));
}

/** The applicant's commune defaults to the service point's own. */
export function useDefaultCommune(scopeCode: string | null, setUnit: (f: (u: ChosenUnit | null) => ChosenUnit | null) => void) {
  useEffect(() => {
    if (!scopeCode) return;
    const controller = new AbortController();
    fetchServicePoint(scopeCode, controller.signal).then(
      (sp) => setUnit((u) => u ?? { code: sp.unitCode, name: sp.unitName }),
      () => undefined, // the clerk picks the commune by hand
    );
    return () => controller.abort();
  }, [scopeCode, setUnit]);
}

export function useReceiveForm(user: User) {
  const t = useCounterT();
  const { t: tApp } = useTranslation();
  const today = useMemo(() => vnToday(Date.now()), []);
  const page = useRef<HTMLDivElement>(null);
  const focus = useFocusAfter(page);

  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [procedureLoading, setProcedureLoading] = useState(false);
  const [applicant, setApplicant] = useState<ApplicantFacts>(emptyApplicant);
  const [unit, setUnit] = useState<ChosenUnit | null>(null);
  const [rows, setRows] = useState<readonly PaperRow[]>([]);
  /** a list published by situation: the applicant's (checklist.ts situationsOf) */
  const [situation, setSituation] = useState<string | null>(null);
  const shownRows = rowsOfSituation(rows, situation);
  const [values, setValues] = useState<EformValues>({});
  const [mode, setMode] = useState<ReceiveMode>('edit');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [serverError, setServerError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IntakeResult | null>(null);
  useDefaultCommune(user.scopeCode, setUnit);
  const setRow = useCallback((key: string, change: Partial<PaperRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r))), []);
  const scans = usePaperScans(setRow);
  const store = useStoreReuse(applicant.personalId, procedure?.code ?? null);
  const held = store.held;
  const [storeConsent, setStoreConsent] = useState(false);
  const bookingReuse = useBookingReuse(store, setRows);
  // a document offered for another person (the ID changed) or no longer held is not reused
  useEffect(() => {
    setRows((rs) => rs.map((r) => (r.reusedDocumentId !== null && !held.get(r.key)?.some((d) => d.id === r.reusedDocumentId) ? { ...r, reusedDocumentId: null } : r)));
  }, [held]);
  const tCase = useCaseT();
  const caseAndPlace = useCaseAndPlace(procedure);
  const choices = useIntakeChoices(procedure);
  const tChoices = useChoicesT();
  const tScan = useScanT();

  const fields: readonly EformField[] = useMemo(() => eformFields(procedure?.eformSchema), [procedure]);
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.text ?? null;

  const updateApplicant = (next: ApplicantFacts) => {
    setValues((v) => prefillEform(fields, v, next, applicant));
    setApplicant(next);
  };

  const chooseProcedure = async (code: string, facts: ApplicantFacts = applicant) => {
    setProcedureLoading(true);
    setServerError(null);
    try {
      const p = await fetchProcedure(code);
      setProcedure(p);
      setRows(checklistOf(p.requiredPapers));
      setSituation(null);
      scans.reset();
      setValues(prefillEform(eformFields(p.eformSchema), {}, facts, null));
    } catch (e) {
      setServerError(shownError(e, tApp));
    } finally {
      setProcedureLoading(false);
    }
  };

  const clearProcedure = () => { setProcedure(null); setRows([]); setSituation(null); scans.reset(); };

  /** A booked citizen called to this counter: the intake opens with their booking's applicant and procedure (issue 14 §5). */
  const fillFromBooking = async (booking: { readonly procedureCode: string | null; readonly name: string; readonly personalId: string; readonly phone: string }) => {
    const facts: ApplicantFacts = { ...emptyApplicant, name: booking.name, personalId: booking.personalId, phone: booking.phone };
    setMode('edit');
    setApplicant(facts);
    if (!booking.procedureCode) return;
    await chooseProcedure(booking.procedureCode, facts);
    // then the papers their store holds (with their consent) are marked for reuse once it answers
    bookingReuse.reuseWhenHeld(booking.personalId, booking.procedureCode);
  };
  const { qr, setQr, qrMessage, fillFromQr, resetQr } = useIdCardQr(applicant, updateApplicant);

  const toReview = (event: FormEvent) => {
    event.preventDefault();
    const lacking = situationMissing(rows, situation);
    const found = [...findProblems(t, { procedure, applicant, unit, rows: shownRows, fields, values }), ...caseAndPlace.problems(tCase('placeRequired')),
      ...(lacking ? [{ field: 'situation', text: t(lacking === 'choose' ? 'situationRequired' : 'situationPaperRequired') }] : []),
      ...choicesProblems(tChoices, choices.choices, applicant.personalId, procedure),
      // pages added but not saved would be lost silently: the clerk saves or removes them
      ...rows.filter((r) => r.reusedDocumentId === null && !['empty', 'composed'].includes(composeState(scans.scanOf(r.key))))
        .map((r) => ({ field: `paper:${r.key}`, text: tScan('scanUnsaved', { name: r.name }) }))];
    setProblems(found);
    setServerError(null);
    if (found.length > 0) { focus('invalid'); return; }
    setMode('review');
    focus('review');
  };

  const backToEdit = () => { setMode('edit'); focus('edit'); };

  const submit = async () => {
    if (!procedure || !unit || busy) return;
    setBusy(true);
    setServerError(null);
    try {
      const r = await receiveDossier({
        procedureCode: procedure.code,
        channel: 'counter',
        applicant: applicantBody(applicant, unit),
        papers: papersToSend(shownRows),
        ...(situation !== null && situationsOf(rows).length > 0 ? { situation } : {}),
        formData: buildFormData(fields, values).data,
        ...caseAndPlace.body(),
        ...choicesBody(choices.choices),
        ...(storeConsent ? { storeConsent: true } : {}),
      }, idempotencyKey);
      setResult(r);
      setMode('done');
      focus('done');
    } catch (e) {
      setServerError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    bookingReuse.cancelReuse();
    setIdempotencyKey(newIdempotencyKey());
    setProcedure(null); setRows([]); setSituation(null); setValues({}); setApplicant(emptyApplicant); resetQr(); scans.reset(); setStoreConsent(false); caseAndPlace.reset(); choices.reset();
    setProblems([]); setServerError(null); setResult(null); setMode('edit');
    focus('edit');
  };

  const setValue = (key: string, value: string | boolean) => setValues((vs) => ({ ...vs, [key]: value }));

  return {
    page, today, mode, busy, result, problems, serverError, errorOf,
    procedure, procedureLoading, chooseProcedure, clearProcedure, fillFromBooking, caseAndPlace, choices,
    applicant, updateApplicant, unit, setUnit, qr, setQr, qrMessage, fillFromQr,
    rows, shownRows, situations: situationsOf(rows), situation, setSituation, setRow, scans, held, consentGivenAt: store.consentGivenAt, storeConsent, setStoreConsent, fields, values, setValue,
    toReview, backToEdit, submit, startOver,
  };
}

export type ReceiveForm = ReturnType<typeof useReceiveForm>;
