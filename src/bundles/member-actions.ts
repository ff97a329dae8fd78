// What may be done by hand to one member of a bundle (issue 17), beside the dossier's own state
// machine. Pure.
// - A waiting member (its clock has not started: it waits for another member's result) is not
//   acted on by hand: the system receives it when that result is ready (hook.ts). It is not
//   refused at intake (the bundle was received whole); no supplement is asked of it — only the
//   agency processing a started member may ask one (ND 61 art. 19.4: within 3 working days of
//   ITS receipt, which has not happened); and it is withdrawn only with its whole bundle.
// - A member another member still waits for is withdrawn only with the bundle: withdrawn alone,
//   it would hold the waiting member forever.
// - A started member nobody waits for (e.g. the child's health-insurance card) may be withdrawn
//   alone: each member is its own procedure and national record (ND 118 art. 21 per dossier).
// The whole bundle is withdrawn in one action at the counter (withdraw.ts): each open member its
// own `withdraw` event, carrying the bundle's code.

export interface MemberFacts {
  /** the member's clock has not started: it waits for another member's result */
  readonly waiting: boolean;
  /** members that wait for this one and have not started */
  readonly waitedOnBy: readonly string[];
  /** the action is part of the whole bundle's withdrawal */
  readonly wholeBundle: boolean;
}

/** The actions a person does that a bundle's member may refuse (the hook guards them; pages offer none refused). */
export const guardedActions = ['receive', 'refuse', 'requestSupplement', 'withdraw'] as const;
export type GuardedAction = (typeof guardedActions)[number];

export const refusalCodes = ['BUNDLE_MEMBER_WAITING', 'BUNDLE_SUPPLEMENT_NOT_STARTED', 'BUNDLE_WITHDRAW_WHOLE'] as const;

export interface Refusal {
  readonly code: (typeof refusalCodes)[number];
  readonly message: string;
}

/** Why a person may not do `action` on the member `code` of bundle `bundle` now; null when they may. */
export function memberActionRefusal(action: string, code: string, bundle: string, f: MemberFacts): Refusal | null {
  if (action === 'withdraw') {
    if (f.wholeBundle) return null;
    if (f.waiting) return { code: 'BUNDLE_WITHDRAW_WHOLE', message: `Hồ sơ ${code} đang chờ kết quả của hồ sơ khác trong hồ sơ liên thông ${bundle}: chỉ rút được cùng cả hồ sơ liên thông (trang hồ sơ liên thông ${bundle}, "Rút cả hồ sơ liên thông").` };
    if (f.waitedOnBy.length > 0) return { code: 'BUNDLE_WITHDRAW_WHOLE', message: `Hồ sơ ${f.waitedOnBy.join(', ')} đang chờ kết quả của hồ sơ ${code}: chỉ rút được cùng cả hồ sơ liên thông ${bundle} ("Rút cả hồ sơ liên thông").` };
    return null;
  }
  if (!f.waiting) return null;
  if (action === 'requestSupplement') return { code: 'BUNDLE_SUPPLEMENT_NOT_STARTED', message: `Hồ sơ ${code} chưa bắt đầu giải quyết (chờ kết quả của hồ sơ khác trong hồ sơ liên thông ${bundle}): chỉ cơ quan đang giải quyết hồ sơ thành phần mới được yêu cầu bổ sung.` };
  if (action === 'receive' || action === 'refuse') return { code: 'BUNDLE_MEMBER_WAITING', message: `Hồ sơ ${code} thuộc hồ sơ liên thông ${bundle}, chờ kết quả của thủ tục trước; hệ thống tự tiếp nhận khi có kết quả đó.` };
  return null;
}

/** Every guarded action refused to the member now, with its refusal: what its page must not offer (the same rule as the hook's). */
export function memberRefusals(code: string, bundle: string, f: Omit<MemberFacts, 'wholeBundle'>): (Refusal & { readonly action: GuardedAction })[] {
  return guardedActions.flatMap((action) => {
    const r = memberActionRefusal(action, code, bundle, { ...f, wholeBundle: false });
    return r ? [{ action, ...r }] : [];
  });
}
