// Where each courier task opens: a pickup, a result delivery, a transfer between agencies at its shipment.
import { paths } from '../routes';

export const pickupPath = (shipmentId: number) => `${paths.courierPickups}/${shipmentId}`;
export const resultPath = (shipmentId: number) => `${paths.courierResults}/${shipmentId}`;
export const transferPath = (shipmentId: number) => `${paths.courierTransfers}/${shipmentId}`;

/** Where a task opens, by the kind of its leg. */
export const taskPath = (kind: 'pickup' | 'toAgency' | 'result' | 'transfer', shipmentId: number): string =>
  kind === 'result' ? resultPath(shipmentId) : kind === 'transfer' ? transferPath(shipmentId) : pickupPath(shipmentId);

/** The shipment id at the end of `/buu-ta/nhan-ho-so/<id>` or `/buu-ta/phat-ket-qua/<id>`, or null. */
export function shipmentIdOf(path: string): number | null {
  const m = /\/([0-9]{1,9})$/.exec(path);
  return m ? Number(m[1]) : null;
}
