// How a bundle's results go back to the applicant (issue 17 §4), chosen at receipt: all together or
// each as it comes, at the counter or by one postal delivery. Pure: which members are returnable
// now under the choice, given each member's status. A member ended without a result (refused,
// rejected, stopped, withdrawn) has nothing to return and holds nobody back.
import type { DossierStatus } from './model';

export const returnTimings = ['together', 'asReady'] as const;
export type ReturnTiming = (typeof returnTimings)[number];
export const returnPlaces = ['counter', 'post'] as const;
export type ReturnPlace = (typeof returnPlaces)[number];

export interface ReturnChoice {
  readonly timing: ReturnTiming;
  readonly place: ReturnPlace;
  /** post: where the one delivery goes (null at the counter) */
  readonly address: string | null;
}

/** Bundles received before the choice existed, and a request without one: each as it comes, at the counter. */
export const defaultReturnChoice: ReturnChoice = { timing: 'asReady', place: 'counter', address: null };

/** ended without a result: nothing to return */
export const ENDED_WITHOUT_RESULT: readonly DossierStatus[] = ['refused', 'rejected', 'stopped', 'withdrawn'];

export interface MemberReturnState {
  readonly key: string;
  readonly status: DossierStatus;
}

export interface Returnable {
  /** the members to return now (their result is ready, not yet returned) */
  readonly now: readonly string[];
  /** together: the members whose result is still awaited (they hold the others back) */
  readonly awaited: readonly string[];
}

/**
 * The members returnable now. `asReady`: every member whose result is ready. `together`: none while
 * a member that may still have a result is not ready; then every ready one at once.
 */
export function returnableMembers(timing: ReturnTiming, members: readonly MemberReturnState[]): Returnable {
  const ready = members.filter((m) => m.status === 'resultReady').map((m) => m.key);
  const awaited = members.filter((m) => m.status !== 'resultReady' && m.status !== 'returned' && !ENDED_WITHOUT_RESULT.includes(m.status)).map((m) => m.key);
  if (timing === 'asReady') return { now: ready, awaited: [] };
  return { now: awaited.length === 0 ? ready : [], awaited };
}

/**
 * Whether the applicant's choice may still change: some member still has a result to come or to
 * hand over (neither returned nor ended without one). A bundle all returned, withdrawn or refused
 * has nothing left to return.
 */
export const choiceStillOpen = (members: readonly { readonly status: DossierStatus }[]): boolean =>
  members.some((m) => m.status !== 'returned' && !ENDED_WITHOUT_RESULT.includes(m.status));

export const ADDRESS_MAX = 300;

/** The choice as recorded, or the problems of the request (Vietnamese, per field). */
export function checkReturnChoice(input: { timing: string; place: string; address?: string | undefined }): { choice: ReturnChoice; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const timing = (returnTimings as readonly string[]).includes(input.timing) ? input.timing as ReturnTiming : 'asReady';
  if (timing !== input.timing) problems.push({ path: 'returnChoice.timing', message: 'Chọn trả kết quả cùng một lần hoặc có kết quả nào trả kết quả đó.' });
  const place = (returnPlaces as readonly string[]).includes(input.place) ? input.place as ReturnPlace : 'counter';
  if (place !== input.place) problems.push({ path: 'returnChoice.place', message: 'Chọn nhận kết quả tại quầy hoặc qua bưu chính.' });
  const address = input.address?.normalize('NFC').trim() ?? '';
  if (place === 'post') {
    if (address.length < 5) problems.push({ path: 'returnChoice.address', message: 'Nhận kết quả qua bưu chính: cần nhập địa chỉ nhận (số nhà, đường, ấp/khu phố, xã/phường).' });
    else if (address.length > ADDRESS_MAX) problems.push({ path: 'returnChoice.address', message: `Địa chỉ nhận kết quả dài quá ${ADDRESS_MAX} ký tự.` });
  } else if (address !== '') {
    problems.push({ path: 'returnChoice.address', message: 'Chỉ nhập địa chỉ khi nhận kết quả qua bưu chính.' });
  }
  return { choice: { timing, place, address: place === 'post' ? address : null }, problems };
}

/** Postal return only where every member's procedure allows it (QĐ 45/2016 art. 1.2): the problem naming the first that does not. */
export function postalReturnProblem(members: readonly { key: string; name: string; procedureCode: string; postalAllowed: boolean }[]): { path: string; message: string } | null {
  const refused = members.filter((m) => !m.postalAllowed);
  if (refused.length === 0) return null;
  const names = refused.map((m) => `"${m.name}" (${m.procedureCode})`).join(', ');
  return { path: 'returnChoice.place', message: `Không thể nhận kết quả qua bưu chính: thủ tục ${names} không trả kết quả qua dịch vụ bưu chính công ích; chọn nhận tại quầy.` };
}

/** The choice as stored on the bundle's row (migration 0183). */
export const choiceOfRow = (row: { return_timing: ReturnTiming; return_place: ReturnPlace; return_address: string | null }): ReturnChoice =>
  ({ timing: row.return_timing, place: row.return_place, address: row.return_place === 'post' ? row.return_address : null });
