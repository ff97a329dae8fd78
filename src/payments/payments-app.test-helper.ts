// The payments' test app: the dossier test world with the payment and reconciliation routes on the
// local gateway simulator, and a request made as one of the world's actors (`x-test-actor`).
import { SIMULATOR_PAYMENTS, type PaymentSettings } from '../platform/config';
import { useWorldApp } from '../dossiers/world.test-helper';
import { registerReconciliationRoutes } from './reconciliation-routes';
import { registerPaymentRoutes } from './routes';
import { dossierSubject } from './subjects';

export const simulatorSettings: PaymentSettings = { gateway: { kind: 'simulator' }, ...SIMULATOR_PAYMENTS };
export const simulatorPayments = { settings: simulatorSettings, publicUrl: 'http://localhost:3000', subjects: { dossier: dossierSubject } };

export function usePaymentsApp() {
  const world = useWorldApp((a, tdb, w) => {
    registerPaymentRoutes(a, { db: tdb.db, clock: w.clock, payments: simulatorPayments });
    registerReconciliationRoutes(a, { db: tdb.db, clock: w.clock });
  });
  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    world.app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { ...world, as };
}
