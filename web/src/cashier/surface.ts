// The cashier's screens (issue 15 §4): one chunk, loaded by the staff who take and refund payments.
export { CashierPage } from './CashierPage';
export { ReceiptsPage } from './ReceiptsPage';
export { ReconciliationPage } from './ReconciliationPage';
