// Which work-list filters a desk offers, and which one it opens on (GET /api/v1/queue?filter=…). Pure.
import { userCan, type User } from '../api/types';
import type { QueueFilter } from './api';

export interface QueueView {
  readonly filters: readonly QueueFilter[];
  readonly initial: QueueFilter;
}

/**
 * The receiving point's clerk: what to hand over to the agencies, what awaits a supplement, the
 * results ready to return here; the agency's officer: by deadline; the approver: opens on what
 * awaits their approval ("Trình phê duyệt").
 */
export function queueViewFor(user: Pick<User, 'permissions'>): QueueView {
  if (userCan(user, 'dossiers.approve')) {
    return { filters: ['awaitingApproval', 'all', 'dueSoon', 'overdue', 'awaitingSupplement'], initial: 'awaitingApproval' };
  }
  if (userCan(user, 'dossiers.process')) {
    return { filters: ['all', 'dueSoon', 'overdue', 'awaitingSupplement', 'awaitingApproval'], initial: 'all' };
  }
  return { filters: ['all', 'awaitingHandover', 'awaitingSupplement', 'resultReady', 'dueSoon', 'overdue'], initial: 'all' };
}
