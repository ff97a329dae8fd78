// The courier's day: the planned route (GET /api/v1/postal/day-plan), the tasks of the post office
// nobody has taken yet, and the courier's own finished ones; "Nhận việc" takes a task and the route
// is planned again with it.
import { useCallback, useEffect, useState } from 'react';
import { assignToMe, fetchDayPlan, fetchShipments, type DayPlan, type Leg, type Shipment } from './api';
import { useSend } from './useSend';

export type TaskKind = 'pickup' | 'result' | 'transfer';
export type DayFilter = 'route' | 'waiting' | 'done';

/** A leg of a shipment as one task card. */
export interface Task { readonly shipment: Shipment; readonly leg: Leg }

const doneStatuses = new Set<Leg['status']>(['collected', 'handedOver', 'delivered', 'returnedToAgency']);
const taskLeg = (s: Shipment) => s.legs.find((l) => l.kind === 'pickup' || l.kind === 'result' || l.kind === 'transfer');

export function tasksOf(shipments: readonly Shipment[], keep: (l: Leg) => boolean): Task[] {
  return shipments.flatMap((shipment) => {
    const leg = taskLeg(shipment);
    return leg && keep(leg) ? [{ shipment, leg }] : [];
  });
}

type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly value: T };
const settle = <T,>(p: Promise<T>): Promise<Loaded<T>> => p.then((value) => ({ status: 'ready', value }), (error: unknown) => ({ status: 'failed', error }));

export function useCourierDay() {
  const [plan, setPlan] = useState<Loaded<DayPlan>>({ status: 'loading' });
  const [waiting, setWaiting] = useState<Loaded<Task[]>>({ status: 'loading' });
  const [done, setDone] = useState<Loaded<Task[]>>({ status: 'loading' });
  /** results taken but not yet collected at the agency: the first stop is the agency's desk */
  const [toCollect, setToCollect] = useState<Task[]>([]);
  const [taken, setTaken] = useState<string | null>(null);
  const action = useSend();

  const load = useCallback(async () => {
    const [p, w, mine] = await Promise.all([
      settle(fetchDayPlan()),
      settle(fetchShipments('legStatus=requested&limit=100')),
      settle(fetchShipments('courier=me&limit=100')),
    ]);
    setPlan(p);
    setWaiting(w.status === 'ready' ? { status: 'ready', value: tasksOf(w.value, (l) => l.status === 'requested' && l.courierId === null) } : w);
    setDone(mine.status === 'ready' ? { status: 'ready', value: tasksOf(mine.value, (l) => doneStatuses.has(l.status)) } : mine);
    setToCollect(mine.status === 'ready' ? tasksOf(mine.value, (l) => l.kind === 'result' && l.status === 'assigned') : []);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const take = async (trackingNumber: string) => {
    const answer = await action.send(() => assignToMe(trackingNumber));
    if (answer) { setTaken(trackingNumber); await load(); }
  };

  return { plan, waiting, done, toCollect, take, taken, action };
}
