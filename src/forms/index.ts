/** Printed forms (DOMAIN §3): plain data in, PDF or XLSX bytes out. See README.md. */
export type * from './model';
export {
  formatDuration,
  formatPlaceDate,
  formatShortDate,
  formatShortDateTime,
  formatVnd,
  formatVnDate,
  formatVnDateTime,
  FORM_NUMBERS,
  RESULT_DELIVERY_TEXT,
  TIMELINESS_TEXT,
} from './format';
export { renderReceiptSlip, RECEIPT_TITLE } from './pdf/receipt';
export { renderSupplementSlip, SUPPLEMENT_TITLE } from './pdf/supplement';
export { renderRefusalSlip, REFUSAL_TITLES } from './pdf/refusal';
export { renderApologySlip, APOLOGY_TITLES } from './pdf/apology';
export { renderStopNotice } from './pdf/stop-notice';
export { renderControlSlip, CONTROL_TITLE } from './pdf/control';
export { renderTransferSlip, TRANSFER_SLIP_TITLE } from './pdf/transfer-slip';
export { renderLedgerPdf } from './pdf/ledger';
export { renderConsignmentNote, CONSIGNMENT_NOTE_TITLE, type ConsignmentNoteData, type NoteParty } from './pdf/consignment-note';
export { renderHandoverRecord, HANDOVER_RECORD_TITLE, type HandoverRecordData } from './pdf/handover-record';
export { renderPaymentReceipt, PAYMENT_RECEIPT_TITLE, type PaymentReceiptData } from './pdf/payment-receipt';
export { renderLedgerXlsx } from './ledger-xlsx';
export { LEDGER_COLUMNS, LEDGER_TITLE } from './ledger-columns';
