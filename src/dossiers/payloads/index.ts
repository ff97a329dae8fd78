// One payload builder per action: adding an action to the lifecycle fails to compile until it
// says here how its event's payload is built. Each builder stands beside its test.
import type { Action } from '../lifecycle';
import { assignPayload } from './assign';
import { noted, reasoned, resultReadyPayload, type PayloadBuilder } from './common';
import { consultPayload } from './consult';
import { apologizePayload, receivePayload, recomputeDuePayload } from './due-time';
import { forwardPayload } from './forward';
import { paymentReceivedPayload, requestPaymentPayload } from './payment';
import { ratePayload } from './rate';
import { returnPayload } from './return';
import { attachResultPayload } from './result-file';
import { requestSupplementPayload, supplementReceivedPayload } from './supplement';

export type { Payload, PayloadArgs, PayloadBuilder } from './common';

export const payloadBuilders = {
  receive: receivePayload,
  refuse: reasoned,
  forward: forwardPayload,
  assign: assignPayload,
  requestSupplement: requestSupplementPayload,
  supplementReceived: supplementReceivedPayload,
  requestPayment: requestPaymentPayload,
  paymentReceived: paymentReceivedPayload,
  consult: consultPayload,
  consultReplied: noted,
  apologize: apologizePayload,
  submitForApproval: noted,
  approve: noted,
  reject: reasoned,
  markResultReady: resultReadyPayload,
  return: returnPayload,
  withdraw: noted,
  stop: reasoned,
  recomputeDue: recomputeDuePayload,
  rate: ratePayload,
  attachResult: attachResultPayload,
} as const satisfies Record<Action, PayloadBuilder>;
