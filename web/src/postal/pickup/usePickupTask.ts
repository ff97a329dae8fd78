// The work at the applicant's door (issue 13 §2): the applicant (from the ID card's QR or typed),
// the procedure's papers ticked with their scans, the e-form — saved to the shipment's draft as the
// courier goes (PUT …/draft answers what is still missing) —, then the fees and postage, both
// signatures and the seal. The charges and signatures are in useSealing.ts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../../api/types';
import { fetchProcedure, type ProcedureDetail } from '../../counter/api';
import { checklistOf, papersToSend, rowsOfSituation, situationsOf, type PaperRow } from '../../counter/checklist';
import { buildFormData, eformFields, prefillEform, type ApplicantFacts, type EformValues } from '../../counter/eform';
import { useIdCardQr } from '../../counter/receive/useIdCardQr';
import { usePaperScans } from '../../counter/receive/usePaperScans';
import { assignToMe, fetchShipment, saveDraft, type DraftBody, type Shipment } from '../api';
import { useSend } from '../useSend';

export type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly value: T };
export type DeliveryMethod = 'post' | 'counter';
interface Problem { readonly path?: string | undefined; readonly message: string }
interface DraftShape { applicant?: Partial<ApplicantFacts>; papers?: { key: string; fileId?: number; originals?: number; copies?: number }[]; formData?: Record<string, unknown>; delivery?: { method?: string }; caseKey?: string; situation?: string; weightGrams?: number }

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The checklist with what the draft already holds ticked (and its scans attached). */
export function rowsFromDraft(rows: readonly PaperRow[], papers: DraftShape['papers']): PaperRow[] {
  const held = new Map((papers ?? []).map((p) => [p.key, p]));
  return rows.map((r) => {
    const p = held.get(r.key);
    return p ? { ...r, included: true, fileId: p.fileId ?? null, originals: p.originals ?? r.originals, copies: p.copies ?? r.copies } : r;
  });
}

/** The applicant fields the server takes: only those filled in. */
export function applicantBody(a: ApplicantFacts): NonNullable<DraftBody['applicant']> {
  const out: Record<string, string> = {};
  for (const k of ['personalId', 'name', 'phone', 'birthDate', 'address'] as const) if (a[k].trim()) out[k] = a[k].trim();
  return out;
}

/** The weighed parcel in grams as the tariff takes it (1–30 000), or null while it is not a valid weight. */
export function weightGrams(text: string): number | null {
  const n = Number(text);
  return text !== '' && Number.isInteger(n) && n >= 1 && n <= 30_000 ? n : null;
}

export function usePickupTask(id: number, user: User) {
  const [loaded, setLoaded] = useState<Loaded<{ shipment: Shipment; procedure: ProcedureDetail }>>({ status: 'loading' });
  const [applicant, setApplicant] = useState<ApplicantFacts>({ personalId: '', name: '', birthDate: '', phone: '', email: '', address: '' });
  const [rows, setRows] = useState<PaperRow[]>([]);
  const [values, setValues] = useState<EformValues>({});
  const [delivery, setDelivery] = useState<DeliveryMethod>('post');
  const [caseKey, setCaseKey] = useState('');
  /** a list by situation (1.115778's "a) Đối với trường hợp …"): the applicant's, asked before the papers */
  const [situation, setSituation] = useState<string | null>(null);
  const [weight, setWeightText] = useState('');
  const [problems, setProblems] = useState<readonly Problem[] | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const save = useSend();
  const take = useSend();
  const procedure = loaded.status === 'ready' ? loaded.value.procedure : null;
  const shipment = loaded.status === 'ready' ? loaded.value.shipment : null;
  const fields = useMemo(() => eformFields(procedure?.eformSchema), [procedure]);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const s = await fetchShipment(id, signal);
      const p = await fetchProcedure(s.procedureCode, signal);
      const d = s.draft as DraftShape;
      const a = d.applicant ?? {};
      setApplicant({ personalId: str(a.personalId) || (s.applicant.personalId ?? ''), name: str(a.name) || s.applicant.name, birthDate: str(a.birthDate), phone: str(a.phone) || s.applicant.phone, email: str(a.email), address: str(a.address) || s.address });
      setRows(rowsFromDraft(checklistOf(p.requiredPapers), d.papers));
      setValues(Object.fromEntries(Object.entries(d.formData ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? v : String(v)])));
      setDelivery(d.delivery?.method === 'counter' ? 'counter' : 'post');
      setCaseKey(str(d.caseKey));
      setSituation(typeof d.situation === 'string' ? d.situation : null);
      setWeightText(typeof d.weightGrams === 'number' ? String(d.weightGrams) : '');
      setLoaded({ status: 'ready', value: { shipment: s, procedure: p } });
    } catch (error) {
      if (!signal?.aborted) setLoaded({ status: 'failed', error });
    }
  }, [id]);
  useEffect(() => { const c = new AbortController(); void load(c.signal); return () => c.abort(); }, [load]);

  const changed = () => setChanges((n) => n + 1);
  const updateApplicant = (next: ApplicantFacts) => {
    setValues((v) => prefillEform(fields, v, next, applicant));
    setApplicant(next);
    changed();
  };
  const setRow = useCallback((key: string, change: Partial<PaperRow>) => { setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r))); changed(); }, []);
  const setValue = (key: string, v: string | boolean) => { setValues((all) => ({ ...all, [key]: v })); changed(); };
  const chooseDelivery = (m: DeliveryMethod) => { setDelivery(m); changed(); };
  const chooseCase = (key: string) => { setCaseKey(key); changed(); };
  const chooseSituation = (s: string) => { setSituation(s); changed(); };
  const situations = situationsOf(rows);
  const shownRows = rowsOfSituation(rows, situation);
  const setWeight = (text: string) => { setWeightText(text.replace(/\D/g, '')); changed(); };
  const grams = weightGrams(weight);
  const scans = usePaperScans(setRow);
  const qr = useIdCardQr(applicant, updateApplicant);

  // the draft is saved a moment after the last change: nothing typed at the door is lost
  const current = { applicant, rows: shownRows, situation: situations.length > 0 ? situation : null, values, delivery, caseKey, grams, fields, address: shipment?.address ?? '', send: save.send };
  const latest = useRef(current);
  latest.current = current;
  const saveNow = useCallback(async () => {
    const c = latest.current;
    const body: DraftBody = {
      applicant: applicantBody(c.applicant), formData: buildFormData(c.fields, c.values).data,
      papers: papersToSend(c.rows).map((p) => ({ key: p.key, originals: p.originals, copies: p.copies, source: p.fileId ? 'scanned' : 'paper', digitized: p.fileId !== undefined, ...(p.fileId ? { fileId: p.fileId } : {}) })),
      delivery: c.delivery === 'post' ? { method: 'post', address: c.applicant.address || c.address } : { method: 'counter' },
      ...(c.caseKey ? { caseKey: c.caseKey } : {}), ...(c.situation !== null ? { situation: c.situation } : {}), ...(c.grams !== null ? { weightGrams: c.grams } : {}),
    };
    const answer = await c.send(() => saveDraft(id, body));
    if (answer) {
      setProblems(answer.problems);
      setSavedAt(new Date().toISOString());
      setLoaded((l) => (l.status === 'ready' ? { status: 'ready', value: { ...l.value, shipment: answer.shipment } } : l));
    }
    return answer;
  }, [id]);
  useEffect(() => {
    if (changes === 0) return;
    const timer = window.setTimeout(() => void saveNow(), 700);
    return () => window.clearTimeout(timer);
  }, [changes, saveNow]);

  const takeIt = async (trackingNumber: string) => { if (await take.send(() => assignToMe(trackingNumber))) await load(); };
  const mine = shipment?.legs.some((l) => l.kind === 'pickup' && l.courierId === user.id) ?? false;

  return {
    loaded, shipment, procedure, fields, applicant, updateApplicant, rows: shownRows, situations, situation, chooseSituation, setRow, values, setValue, delivery, chooseDelivery, caseKey, chooseCase, weight, setWeight, grams, scans, qr,
    problems, savedAt, save, saveNow, take, takeIt, mine, reload: load,
  };
}

export type PickupTask = ReturnType<typeof usePickupTask>;
