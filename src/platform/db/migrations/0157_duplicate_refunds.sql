-- Duplicate online payments refunded automatically (issue 15 §4, src/payments/duplicate-refunds.ts).
-- A second successful payment of a subject already paid (another order, or a counter receipt) keeps
-- its own online receipt — the money came in — and one row here, written by the IPN in its
-- transaction: the job `payments.refundDuplicates` sends the money back through the gateway's refund
-- outside any transaction (claimed with a lease, retried with back-off, given up after the last
-- attempt: the reconciliation then shows it for a refund by hand) and records the refund as the
-- receipt's `receipt_refunds` row by the system (refunded_by 0).
-- payment_orders and receipt_refunds come from 0160, after this file in the migrations' order: no
-- foreign keys to them.
CREATE TABLE payment_duplicate_refunds (
  order_id     bigint PRIMARY KEY,
  created_at   timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  next_at      timestamptz NOT NULL,
  last_error   text,
  given_up_at  timestamptz,
  refund_id    bigint,
  refunded_at  timestamptz
);

-- the job's claim: not refunded, not given up, due
CREATE INDEX payment_duplicate_refunds_due_idx ON payment_duplicate_refunds (next_at) WHERE refund_id IS NULL AND given_up_at IS NULL;
