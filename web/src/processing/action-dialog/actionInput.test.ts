import { describe, expect, it } from 'vitest';
import { buildActionInput, emptyDraft, type ActionDraft } from './actionInput';

const now = new Date('2026-03-12T03:15:00.000Z');
const draft = (change: Partial<ActionDraft> = {}): ActionDraft => ({ ...emptyDraft('Nguyễn Văn An'), ...change });
const build = (action: Parameters<typeof buildActionInput>[0], change: Partial<ActionDraft> = {}, asApplicant = false) =>
  buildActionInput(action, 7, draft(change), { asApplicant, now });

describe('the body the action dialog posts', () => {
  it('asks a reason where a slip or the record carries it', () => {
    expect(build('refuse').problems).toEqual({ reason: 'reasonRequired' });
    expect(build('refuse', { reason: '  Không thuộc thẩm quyền  ' }).input).toEqual({ expectedVersion: 7, reason: 'Không thuộc thẩm quyền' });
    expect(build('approve').problems).toEqual({});
  });

  it('sends the supplement list one item per non-empty line', () => {
    expect(build('requestSupplement', { reason: 'Thiếu giấy tờ' }).problems).toEqual({ items: 'itemsRequired' });
    expect(build('requestSupplement', { reason: 'Thiếu giấy tờ', items: 'Bản sao CCCD\n\n  Ảnh 4x6 \n' }).input.items)
      .toEqual(['Bản sao CCCD', 'Ảnh 4x6']);
  });

  it('sends the supplement\'s due day as 17:00 Vietnam time of that day, when one is given', () => {
    expect(build('requestSupplement', { reason: 'Thiếu', items: 'Bản sao CCCD', supplementDue: '2026-03-20' }).input)
      .toEqual({ expectedVersion: 7, reason: 'Thiếu', items: ['Bản sao CCCD'], supplementDueAt: '2026-03-20T10:00:00.000Z' });
    expect(build('requestSupplement', { reason: 'Thiếu', items: 'Bản sao CCCD' }).input.supplementDueAt).toBeUndefined();
    expect(build('requestSupplement', { reason: 'Thiếu', items: 'Bản sao CCCD', supplementDue: '2026-02-30' }).problems).toEqual({ supplementDue: 'supplementDueAtInvalid' });
    // a day typed wrong stays in the draft as typed: it is refused, never sent as "no due day"
    const typedWrong = build('requestSupplement', { reason: 'Thiếu', items: 'Bản sao CCCD', supplementDue: '31/02/2026' });
    expect(typedWrong.problems).toEqual({ supplementDue: 'supplementDueAtInvalid' });
    expect(typedWrong.input.supplementDueAt).toBeUndefined();
    expect(build('requestSupplement', { reason: 'Thiếu', items: 'Bản sao CCCD', supplementDue: '20/03/2026' }).input.supplementDueAt).toBe('2026-03-20T10:00:00.000Z');
  });

  it('records a supplement only when every requested paper is ticked, in the request\'s order', () => {
    const requestedPapers = ['Bản sao CCCD', 'Giấy chứng sinh'];
    const received = (ticked: string[]) => buildActionInput('supplementReceived', 7, draft({ receivedPapers: ticked }), { asApplicant: false, now, requestedPapers });
    expect(received(['Bản sao CCCD']).problems).toEqual({ receivedPapers: 'papersReceivedRequired' });
    expect(received(['Giấy chứng sinh', 'Bản sao CCCD'])).toEqual({ input: { expectedVersion: 7, receivedPapers: requestedPapers }, problems: {} });
  });

  it('reads dates typed in Vietnam time', () => {
    expect(build('apologize', { reason: 'Chậm', newDueAt: '2026-03-20T17:00' }).input.newDueAt).toBe('2026-03-20T10:00:00.000Z');
    expect(build('apologize', { reason: 'Chậm', newDueAt: '2026-03-20' }).problems).toEqual({ newDueAt: 'newDueAtRequired' });
    expect(build('consult').problems).toEqual({ consultedAgency: 'consultedAgencyRequired', replyDueAt: 'replyDueAtRequired' });
    expect(build('consult', { consultedAgency: 'Sở Tư pháp', replyDueAt: '2026-03-16T08:00' }).input)
      .toEqual({ expectedVersion: 7, consultedAgency: 'Sở Tư pháp', replyDueAt: '2026-03-16T01:00:00.000Z' });
  });

  it('needs an officer to assign and a signer to return on paper', () => {
    expect(build('assign').problems).toEqual({ officerId: 'officerRequired' });
    expect(build('assign', { officerId: '12' }).input.officerId).toBe(12);
    expect(build('return', { signer: ' ' }).problems).toEqual({ signer: 'signerRequired' });
    expect(build('return', { signer: ' ', channel: 'online' }).input).toEqual({ expectedVersion: 7, channel: 'online' });
    expect(build('return').input.signature).toEqual({ name: 'Nguyễn Văn An', signedAt: '2026-03-12T03:15:00.000Z' });
  });

  it('sends a fee amount only when it is a whole number', () => {
    expect(build('requestPayment', { amount: '50000' }).input.amountVnd).toBe(50_000);
    expect(build('requestPayment', { amount: '' }).input.amountVnd).toBeUndefined();
  });

  it('rates with stars, and words the missing stars for whoever rates', () => {
    expect(build('rate').problems).toEqual({ stars: 'ratingStarsRequired' });
    expect(build('rate', {}, true).problems).toEqual({ stars: 'ratingStarsRequiredCitizen' });
    expect(build('rate', { stars: 2, dislike: ['time'], comment: ' Lâu ', note: 'not sent' }).input)
      .toEqual({ expectedVersion: 7, stars: 2, dislike: ['time'], comment: 'Lâu' });
  });
});
