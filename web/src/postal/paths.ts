// Where each courier task opens: a pickup at its shipment, a result delivery at its shipment.
import { paths } from '../routes';

export const pickupPath = (shipmentId: number) => `${paths.courierPickups}/${shipmentId}`;
export const resultPath = (shipmentId: number) => `${paths.courierResults}/${shipmentId}`;

/** The shipment id at the end of `/buu-ta/nhan-ho-so/<id>` or `/buu-ta/phat-ket-qua/<id>`, or null. */
export function shipmentIdOf(path: string): number | null {
  const m = /\/([0-9]{1,9})$/.exec(path);
  return m ? Number(m[1]) : null;
}
