// The dossier's statuses and actions and their labels, Vietnamese and English: one source for the
// server (slips, timelines, error messages) and the web screens (DOMAIN §1.5). Pure data, no I/O.

export const statuses = [
  'submitted', 'received', 'refused', 'processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment',
  'resultReady', 'returned', 'rejected', 'withdrawn', 'stopped',
] as const;
export type Status = (typeof statuses)[number];

export const actions = [
  'receive', 'refuse', 'forward', 'assign', 'requestSupplement', 'supplementReceived', 'requestPayment',
  'paymentReceived', 'consult', 'consultReplied', 'apologize', 'submitForApproval', 'approve', 'reject', 'markResultReady',
  'return', 'withdraw', 'stop', 'recomputeDue', 'rate', 'attachResult',
] as const;
export type Action = (typeof actions)[number];

/** The first event of a dossier is not an action: it was submitted online or received at intake. */
export type TimelineEvent = Action | 'submitted' | 'received';

export const isStatus = (v: string): v is Status => (statuses as readonly string[]).includes(v);
export const isAction = (v: string): v is Action => (actions as readonly string[]).includes(v);

/**
 * F766 5.4 / TT 01/2018 index 7: the statuses in which the applicant may rate the handling (after
 * its result: ready, returned, or rejected after appraisal). The lifecycle's `rate` transition.
 */
export const ratableStatuses = ['resultReady', 'returned', 'rejected'] as const satisfies readonly Status[];
export const canBeRated = (status: Status): boolean => (ratableStatuses as readonly Status[]).includes(status);

export type Language = 'vi' | 'en';

export const statusLabels = {
  vi: {
    submitted: 'Mới đăng ký',
    received: 'Đã tiếp nhận',
    refused: 'Không được tiếp nhận',
    processing: 'Đang xử lý',
    awaitingApproval: 'Chờ lãnh đạo phê duyệt',
    awaitingSupplement: 'Yêu cầu bổ sung hồ sơ',
    awaitingPayment: 'Chờ thực hiện nghĩa vụ tài chính',
    resultReady: 'Đã có kết quả',
    returned: 'Đã trả kết quả',
    rejected: 'Từ chối giải quyết',
    withdrawn: 'Đã rút hồ sơ',
    stopped: 'Dừng giải quyết',
  },
  en: {
    submitted: 'Submitted',
    received: 'Received',
    refused: 'Refused at intake',
    processing: 'Processing',
    awaitingApproval: 'Awaiting approval',
    awaitingSupplement: 'Supplement requested',
    awaitingPayment: 'Awaiting payment',
    resultReady: 'Result ready',
    returned: 'Result returned',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    stopped: 'Stopped',
  },
} as const satisfies Record<Language, Record<Status, string>>;

export const actionLabels = {
  vi: {
    receive: 'Tiếp nhận hồ sơ',
    refuse: 'Từ chối tiếp nhận',
    forward: 'Chuyển đến cơ quan giải quyết',
    assign: 'Phân công xử lý',
    requestSupplement: 'Yêu cầu bổ sung hồ sơ',
    supplementReceived: 'Nhận hồ sơ bổ sung',
    requestPayment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    paymentReceived: 'Đã thực hiện nghĩa vụ tài chính',
    consult: 'Lấy ý kiến cơ quan liên quan',
    consultReplied: 'Nhận ý kiến trả lời',
    apologize: 'Xin lỗi và hẹn lại ngày trả kết quả',
    submitForApproval: 'Trình phê duyệt',
    approve: 'Lãnh đạo phê duyệt',
    reject: 'Từ chối giải quyết',
    markResultReady: 'Có kết quả giải quyết',
    return: 'Trả kết quả',
    withdraw: 'Rút hồ sơ',
    stop: 'Dừng giải quyết',
    recomputeDue: 'Tính lại hạn giải quyết theo lịch làm việc mới',
    rate: 'Đánh giá mức độ hài lòng',
    attachResult: 'Đính kèm kết quả điện tử',
    submitted: 'Nộp hồ sơ trực tuyến',
    received: 'Tiếp nhận hồ sơ',
  },
  en: {
    receive: 'Receive',
    refuse: 'Refuse at intake',
    forward: 'Hand over to the competent agency',
    assign: 'Assign an officer',
    requestSupplement: 'Request a supplement',
    supplementReceived: 'Supplement received',
    requestPayment: 'Request payment',
    paymentReceived: 'Payment received',
    consult: 'Consult another body',
    consultReplied: 'Consultation replied',
    apologize: 'Apologise and set a new date',
    submitForApproval: 'Submit for approval',
    approve: 'Approve',
    reject: 'Reject',
    markResultReady: 'Result ready',
    return: 'Return the result',
    withdraw: 'Withdraw',
    stop: 'Stop processing',
    recomputeDue: 'Re-compute the due time with the current working calendar',
    rate: 'Rate the service',
    attachResult: 'Attach the electronic result',
    submitted: 'Submitted online',
    received: 'Received',
  },
} as const satisfies Record<Language, Record<TimelineEvent, string>>;

/** A label table as message keys with a prefix (`status_processing`), for the web's i18n bundles. */
export function prefixedLabels<P extends string, K extends string>(prefix: P, table: Readonly<Record<K, string>>): { [Q in K as `${P}${Q}`]: string } {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}${k}`, v])) as { [Q in K as `${P}${Q}`]: string };
}

// ── The satisfaction rating (payload of `rate`) ───────────────────────────────────────────────

export const RATING_MIN_STARS = 1;
export const RATING_MAX_STARS = 5;
export const RATING_COMMENT_MAX_CHARS = 500;

/** What the applicant may say was wrong (a fixed list, so that it can be counted). */
export const dislikeReasons = ['attitude', 'time', 'guidance', 'procedure'] as const;
export type DislikeReason = (typeof dislikeReasons)[number];
