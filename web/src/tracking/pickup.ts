// Whether the public tracking page offers to book the result's pickup (issue 14 §2): the result is
// ready and waits at the counter — not sent by post nor published online.
import type { TrackingView } from '../processing/api';

export const pickupAtCounter = (v: Pick<TrackingView, 'status' | 'deliveryMethod'>): boolean =>
  v.status === 'resultReady' && v.deliveryMethod !== 'post' && v.deliveryMethod !== 'online';
