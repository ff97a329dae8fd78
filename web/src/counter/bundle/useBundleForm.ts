// The state of "Tiếp nhận hồ sơ liên thông" and what the clerk does with it: choose the bundle
// (the definitions in force), fill the applicant (typed or from the CCCD QR, as the single intake),
// the combined e-form prefilled from the applicant (each field once), tick the papers (shared ones
// once) with their electronic copy — scanned here or reused from the applicant's document store,
// through the single intake's parts (a shared paper's copy serves every member paper it is) —, a
// member whose list is by situation its situation first (only its papers sent), the applicant's
// consent to keep the digitized papers (once for the bundle, sent as the single intake sends it),
// review, then one "Tiếp nhận" with one Idempotency-Key per form, and start over.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { vnToday } from '../../ui/dates';
import { shownError, type ShownError } from '../../ui/errors';
import { useLoad } from '../../ui/useLoad';
import { fetchProcedure } from '../api';
import type { ChosenUnit } from '../CommunePicker';
import { buildFormData, eformFields, prefillEform, type ApplicantFacts, type EformValues } from '../eform';
import { useCounterT } from '../i18n';
import { applicantBody, applicantProblems, eformProblems, type Problem } from '../receive/problems';
import { useIdCardQr } from '../receive/useIdCardQr';
import { emptyApplicant, newIdempotencyKey, useDefaultCommune, useFocusAfter, type ReceiveMode } from '../receive/useReceiveForm';
import { fetchBundleDefinitions, receiveBundle, type BundleDefinition, type BundleReceived } from './bundle-api';
import { bundlePapersToSend, changePapers, memberChecklist, missingBundlePapers, missingSituations, papersOfKey, sharedPapersOf, tickShared, type MemberChecklist, type MemberSituations, type SharedPaper } from './bundle-papers';
import { situationsOf, type PaperRow } from '../checklist';
import type { StoreDocument } from '../scan-api';
import { usePaperScans } from '../receive/usePaperScans';
import { useBundleStore } from './useBundleStore';
import { useCounterBundleT } from './bundle-i18n';

/** The return choice as the form holds it (the address typed, used only for post). */
export interface ReturnChoiceDraft {
  readonly timing: 'together' | 'asReady';
  readonly place: 'counter' | 'post';
  readonly address: string;
}
const defaultReturnChoice: ReturnChoiceDraft = { timing: 'asReady', place: 'counter', address: '' };

export function useBundleForm(user: User) {
  const t = useCounterT();
  const tb = useCounterBundleT();
  const { t: tApp } = useTranslation();
  const today = useMemo(() => vnToday(Date.now()), []);
  const page = useRef<HTMLDivElement>(null);
  const focus = useFocusAfter(page);
  const { loaded: definitions } = useLoad((signal) => fetchBundleDefinitions(signal), 'bundle-definitions');

  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [definition, setDefinition] = useState<BundleDefinition | null>(null);
  const [membersLoading, setMembersLoading] = useState(false);
  const [members, setMembers] = useState<readonly MemberChecklist[]>([]);
  const [shared, setShared] = useState<readonly SharedPaper[]>([]);
  // a member whose list is by situation (1.004222): the applicant's situation, asked first (as the single intake)
  const [situations, setSituations] = useState<MemberSituations>({});
  // the applicant's consent to keep their digitized papers in their document store, once for the bundle
  const [storeConsent, setStoreConsent] = useState(false);
  const [applicant, setApplicant] = useState<ApplicantFacts>(emptyApplicant);
  const [unit, setUnit] = useState<ChosenUnit | null>(null);
  const [values, setValues] = useState<EformValues>({});
  const [mode, setMode] = useState<ReceiveMode>('edit');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [serverError, setServerError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BundleReceived | null>(null);
  // how the results go back (issue 17 §4): the server's default until the applicant says otherwise
  const [returnChoice, setReturnChoiceState] = useState<ReturnChoiceDraft>(defaultReturnChoice);
  const [postalBlockers, setPostalBlockers] = useState<readonly string[]>([]);
  const setReturnChoice = (change: Partial<ReturnChoiceDraft>) => setReturnChoiceState((c) => ({ ...c, ...change }));
  useDefaultCommune(user.scopeCode, setUnit);

  const fields = useMemo(() => eformFields(definition?.form.schema), [definition]);
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.text ?? null;
  const memberName = (key: string) => definition?.members.find((m) => m.key === key)?.name ?? key;

  const updateApplicant = (next: ApplicantFacts) => {
    setValues((v) => prefillEform(fields, v, next, applicant));
    setApplicant(next);
  };
  const { qr, setQr, qrMessage, fillFromQr, resetQr } = useIdCardQr(applicant, updateApplicant);

  /** The bundle chosen: its members' papers from the catalogue, the shared ones matched, the form prefilled. */
  const chooseDefinition = async (d: BundleDefinition) => {
    setDefinition(d);
    scans.reset();
    setMembers([]);
    setShared([]);
    setSituations({});
    setValues(prefillEform(eformFields(d.form.schema), {}, applicant, null));
    setMembersLoading(true);
    setServerError(null);
    try {
      const procedures = await Promise.all(d.members.map((m) => fetchProcedure(m.procedureCode)));
      const papers = d.members.map((m, i) => ({ key: m.key, papers: procedures[i]?.requiredPapers ?? [] }));
      setMembers(d.members.map((m, i) => memberChecklist(m.key, m.name, papers[i]?.papers ?? [])));
      setShared(sharedPapersOf(d.sharedPapers, papers));
      const blockers = d.members.filter((_, i) => procedures[i]?.postalAllowed !== true).map((m) => m.name);
      setPostalBlockers(blockers);
      if (blockers.length > 0) setReturnChoice({ place: 'counter' });
    } catch (e) {
      setServerError(shownError(e, tApp));
    } finally {
      setMembersLoading(false);
    }
  };

  const setPaper = useCallback((member: string, paper: string, included: boolean) =>
    setMembers((ms) => ms.map((c) => (c.key === member ? { ...c, rows: c.rows.map((r) => (r.key === paper ? { ...r, included } : r)) } : c))), []);
  const tickSharedPaper = (s: SharedPaper, included: boolean) => setMembers((ms) => tickShared(s, ms, included));
  const setValue = (key: string, value: string | boolean) => setValues((vs) => ({ ...vs, [key]: value }));
  const setSituation = (member: string, situation: string) => setSituations((s) => ({ ...s, [member]: situation }));

  // the electronic copies: a row key (bundle-papers memberRowKey / sharedRowKey) for the shared scan parts
  const setRow = (key: string, change: Partial<PaperRow>) => setMembers((ms) => changePapers(ms, papersOfKey(key, shared), change));
  const scans = usePaperScans(setRow);
  const { held: heldByMember, consentGivenAt } = useBundleStore(applicant.personalId, definition?.members ?? []);
  const heldOf = (key: string): readonly StoreDocument[] => {
    const [first] = papersOfKey(key, shared);
    return first ? heldByMember.get(first[0])?.get(first[1]) ?? [] : [];
  };
  // a document offered for another person (the ID changed) or no longer held is not reused
  useEffect(() => {
    setMembers((ms) => ms.map((c) => ({ ...c, rows: c.rows.map((r) => (r.reusedDocumentId !== null && !heldByMember.get(c.key)?.get(r.key)?.some((d) => d.id === r.reusedDocumentId) ? { ...r, reusedDocumentId: null } : r)) })));
  }, [heldByMember]);

  const toReview = (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [
      ...(definition ? [] : [{ field: 'bundle', text: tb('bundleRequired') }]),
      ...applicantProblems(t, { applicant, unit }),
      ...missingSituations(members, situations).map(({ member, lacking }) => ({ field: `situation:${member.key}`, text: tb('situationOf', { member: member.name, text: t(lacking === 'choose' ? 'situationRequired' : 'situationPaperRequired') }) })),
      ...missingBundlePapers(shared, members).map((m) => ({ field: m.field, text: m.member === null ? tb('paperMissingShared', { name: m.name }) : tb('paperMissingOf', { member: m.member, name: m.name }) })),
      ...eformProblems(t, fields, values),
      ...(returnChoice.place === 'post' && returnChoice.address.trim() === '' ? [{ field: 'returnAddress', text: tb('addressRequired') }] : []),
    ];
    setProblems(found);
    setServerError(null);
    if (found.length > 0) { focus('invalid'); return; }
    setMode('review');
    focus('review');
  };

  const backToEdit = () => { setMode('edit'); focus('edit'); };

  const submit = async () => {
    if (!definition || !unit || busy) return;
    setBusy(true);
    setServerError(null);
    try {
      const r = await receiveBundle({
        bundleCode: definition.code,
        applicant: applicantBody(applicant, unit),
        formData: buildFormData(fields, values).data,
        papers: bundlePapersToSend(members, situations),
        ...situationsToSend(members, situations),
        ...(storeConsent ? { storeConsent: true } : {}),
        returnChoice: { timing: returnChoice.timing, place: returnChoice.place, ...(returnChoice.place === 'post' ? { address: returnChoice.address.trim() } : {}) },
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
    setIdempotencyKey(newIdempotencyKey());
    setDefinition(null); setMembers([]); setShared([]); setSituations({}); setStoreConsent(false); scans.reset(); setReturnChoiceState(defaultReturnChoice); setPostalBlockers([]); setValues({}); setApplicant(emptyApplicant); resetQr();
    setProblems([]); setServerError(null); setResult(null); setMode('edit');
    focus('edit');
  };

  return {
    page, today, mode, busy, result, problems, serverError, errorOf,
    definitions, definition, chooseDefinition, membersLoading, members, shared, memberName, setPaper, setShared: tickSharedPaper, setRow, scans, heldOf,
    situations, setSituation, consentGivenAt, storeConsent, setStoreConsent,
    applicant, updateApplicant, unit, setUnit, qr, setQr, qrMessage, fillFromQr,
    returnChoice, setReturnChoice, postalBlockers,
    fields, values, setValue, toReview, backToEdit, submit, startOver,
  };
}

export type BundleForm = ReturnType<typeof useBundleForm>;

/** The situations chosen for the members whose list is by situation (the server checks each with its papers). */
function situationsToSend(members: readonly MemberChecklist[], situations: MemberSituations): { situations?: Record<string, string> } {
  const chosen = Object.fromEntries(members.flatMap((m) => {
    const s = situations[m.key];
    return s !== undefined && situationsOf(m.rows).includes(s) ? [[m.key, s] as const] : [];
  }));
  return Object.keys(chosen).length > 0 ? { situations: chosen } : {};
}
