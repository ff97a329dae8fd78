// What the action dialog sends: the body of one action built from what the user typed, one small
// builder per action that asks for something (the server checks the same again:
// src/dossiers/actions.ts), and the fields left wrong, each with the text key that says why. Pure.
import type { ActionInput, DislikeReason, DossierAction, ReturnChannel } from '../api';
import { parseDayMonthYear } from '../../ui/dateEntry';
import { instantOfVnLocal } from '../../ui/dates';
import type { ProcessingKey } from '../i18n';

export const paymentChannels = ['counter', 'postal', 'transfer', 'online_national', 'online_provincial'] as const;
export type PaymentChannel = (typeof paymentChannels)[number];
export const returnChannels: readonly ReturnChannel[] = ['counter', 'post', 'online'];

/** Actions whose reason goes on a slip or in the record, so it must be given. */
export const needsReason: readonly DossierAction[] = ['refuse', 'reject', 'stop', 'requestSupplement', 'apologize', 'recomputeDue'];

/** Everything the dialog can ask, as typed (strings as in their inputs). */
export interface ActionDraft {
  readonly reason: string;
  readonly note: string;
  /** requestSupplement: one item per line */
  readonly items: string;
  /** requestSupplement: the day the applicant should bring the papers, "yyyy-mm-dd" from the date field ('' for none) */
  readonly supplementDue: string;
  /** supplementReceived: the requested papers ticked as received */
  readonly receivedPapers: readonly string[];
  /** datetime-local values, read as Vietnam time */
  readonly newDueAt: string;
  readonly consultedAgency: string;
  readonly replyDueAt: string;
  readonly officerId: string;
  readonly amount: string;
  readonly channel: ReturnChannel;
  readonly paymentChannel: PaymentChannel;
  readonly signer: string;
  readonly stars: number | null;
  readonly dislike: readonly DislikeReason[];
  readonly comment: string;
}

export const emptyDraft = (signer: string): ActionDraft => ({
  reason: '', note: '', items: '', supplementDue: '', receivedPapers: [], newDueAt: '', consultedAgency: '', replyDueAt: '', officerId: '', amount: '',
  channel: 'counter', paymentChannel: 'counter', signer, stars: null, dislike: [], comment: '',
});

type Body = { -readonly [K in keyof ActionInput]: ActionInput[K] };
export type DraftProblems = Partial<Record<keyof ActionDraft, ProcessingKey>>;

interface Built { readonly fields: Partial<Body>; readonly problems: DraftProblems }
interface BuildContext {
  readonly asApplicant: boolean;
  readonly now: Date;
  /** supplementReceived: the items of the supplement request */
  readonly requestedPapers?: readonly string[];
}

/** A supplement is due by the end of the working day (17:00, Vietnam time) of the day typed. */
const SUPPLEMENT_DUE_TIME = '17:00';
type Builder = (d: ActionDraft, ctx: BuildContext) => Built;

const ok = (fields: Partial<Body>): Built => ({ fields, problems: {} });

const builders: Partial<Record<DossierAction, Builder>> = {
  requestSupplement: (d) => {
    const items = d.items.split('\n').map((s) => s.trim()).filter(Boolean);
    // the day as the date field holds it (yyyy-mm-dd) or, when it is not a valid day, as typed
    const dueText = d.supplementDue.trim();
    const dueDay = /^\d{4}-\d{2}-\d{2}$/.test(dueText) ? dueText : parseDayMonthYear(dueText);
    const due = dueDay ? instantOfVnLocal(`${dueDay}T${SUPPLEMENT_DUE_TIME}`) : null;
    return {
      fields: { ...(items.length > 0 ? { items } : {}), ...(due ? { supplementDueAt: due } : {}) },
      problems: { ...(items.length > 0 ? {} : { items: 'itemsRequired' }), ...(dueText && !due ? { supplementDue: 'supplementDueAtInvalid' } : {}) },
    };
  },
  // ND 61 art. 19.4: recorded once every requested paper came (the clock restarts from zero)
  supplementReceived: (d, { requestedPapers = [] }) => {
    const all = requestedPapers.every((p) => d.receivedPapers.includes(p));
    return all ? ok({ receivedPapers: requestedPapers.filter((p) => d.receivedPapers.includes(p)) }) : { fields: {}, problems: { receivedPapers: 'papersReceivedRequired' } };
  },
  apologize: (d) => {
    const at = instantOfVnLocal(d.newDueAt);
    return at ? ok({ newDueAt: at }) : { fields: {}, problems: { newDueAt: 'newDueAtRequired' } };
  },
  consult: (d) => {
    const at = instantOfVnLocal(d.replyDueAt);
    const agency = d.consultedAgency.trim();
    return {
      fields: { ...(agency ? { consultedAgency: agency } : {}), ...(at ? { replyDueAt: at } : {}) },
      problems: { ...(agency ? {} : { consultedAgency: 'consultedAgencyRequired' }), ...(at ? {} : { replyDueAt: 'replyDueAtRequired' }) },
    };
  },
  assign: (d) => (d.officerId ? ok({ officerId: Number(d.officerId) }) : { fields: {}, problems: { officerId: 'officerRequired' } }),
  requestPayment: (d) => ok(d.amount.trim() && Number.isInteger(Number(d.amount)) ? { amountVnd: Number(d.amount) } : {}),
  paymentReceived: (d) => ok({ paymentChannel: d.paymentChannel }),
  return: (d, { now }) => {
    const signer = d.signer.trim();
    if (!signer && d.channel !== 'online') return { fields: { channel: d.channel }, problems: { signer: 'signerRequired' } };
    return ok({ channel: d.channel, ...(signer ? { signature: { name: signer, signedAt: now.toISOString() } } : {}) });
  },
  rate: (d, { asApplicant }) => ({
    fields: {
      ...(d.stars !== null ? { stars: d.stars } : {}),
      ...(d.dislike.length > 0 ? { dislike: [...d.dislike] } : {}),
      ...(d.comment.trim() ? { comment: d.comment.trim() } : {}),
    },
    problems: d.stars === null ? { stars: asApplicant ? 'ratingStarsRequiredCitizen' : 'ratingStarsRequired' } : {},
  }),
};

/** The body to post for an action at a dossier version, and what must be corrected first. */
export function buildActionInput(action: DossierAction, version: number, draft: ActionDraft, ctx: BuildContext): { input: ActionInput; problems: DraftProblems } {
  const reason = draft.reason.trim();
  const note = draft.note.trim();
  const common: Partial<Body> = {
    ...(reason ? { reason } : {}),
    ...(note && action !== 'rate' ? { note } : {}),
  };
  const reasonProblem: DraftProblems = !reason && needsReason.includes(action) ? { reason: 'reasonRequired' } : {};
  const own = builders[action]?.(draft, ctx) ?? ok({});
  return { input: { expectedVersion: version, ...common, ...own.fields }, problems: { ...reasonProblem, ...own.problems } };
}
