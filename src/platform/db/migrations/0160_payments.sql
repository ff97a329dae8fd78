-- Fees and payment (issue 15 §4, src/payments): online payment orders through a gateway that
-- follows the common Vietnamese pattern (signed redirect, signed return, server-to-server IPN),
-- every notification the gateway sent with the verdict we gave it, refunds linked to receipts,
-- the clerk's cash drawer per shift, the gateway's settlement files, and the local gateway
-- simulator's own ledger. Receipts stay the one model of migration 0131, extended here.

-- receipts: online receipts (no service point, no collecting user), the payment order paid, the shift
ALTER TABLE receipts ALTER COLUMN service_point_id DROP NOT NULL;
ALTER TABLE receipts ALTER COLUMN collected_by DROP NOT NULL;
ALTER TABLE receipts DROP CONSTRAINT receipts_place_check;
ALTER TABLE receipts ADD CONSTRAINT receipts_place_check CHECK (place IN ('counter', 'courier', 'online'));
ALTER TABLE receipts ADD COLUMN payment_order_id bigint;
ALTER TABLE receipts ADD COLUMN shift_id bigint;
-- the unit path of the service point (or of the dossier's competent body online) when issued: scope of the searches
ALTER TABLE receipts ADD COLUMN unit_path text;
-- online receipts are numbered per series and year for the whole deployment (one province)
CREATE UNIQUE INDEX receipts_online_number_idx ON receipts (series, year, number) WHERE service_point_id IS NULL;
CREATE INDEX receipts_issued_idx ON receipts (issued_at);
CREATE INDEX receipts_shift_idx ON receipts (shift_id) WHERE shift_id IS NOT NULL;

-- the registers of series that no service point holds (the online series): gap-free per year
CREATE TABLE receipt_series_serials (
  series       text NOT NULL,
  year         integer NOT NULL,
  last_number  integer NOT NULL,
  PRIMARY KEY (series, year)
);

CREATE TABLE payment_orders (
  id               bigserial PRIMARY KEY,
  -- the gateway's transaction reference (vnp_TxnRef): ours, unique, never reused
  txn_ref          text NOT NULL UNIQUE,
  subject_kind     text NOT NULL CHECK (subject_kind IN ('draft', 'dossier', 'shipment')),
  subject_id       text NOT NULL,
  -- [{ kind, label, amountVnd }]
  items            jsonb NOT NULL,
  amount_vnd       bigint NOT NULL CHECK (amount_vnd > 0),
  currency         text NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
  -- pending → paid | failed | cancelled; paid → refunded; duplicate: paid at the gateway for a subject already paid (to refund)
  status           text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'cancelled', 'refunded', 'duplicate')),
  payer            jsonb NOT NULL,
  procedure_code   text,
  unit_path        text,
  return_url       text NOT NULL,
  created_by       bigint,
  created_at       timestamptz NOT NULL,
  paid_at          timestamptz,
  gateway_transaction_no text,
  bank_code        text,
  receipt_id       bigint REFERENCES receipts (id),
  -- the subjects it belonged to before (a draft's order follows it to the dossier at submit)
  moved_from       jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX payment_orders_subject_idx ON payment_orders (subject_kind, subject_id);
CREATE UNIQUE INDEX payment_orders_one_paid_idx ON payment_orders (subject_kind, subject_id) WHERE status = 'paid';
CREATE INDEX payment_orders_paid_idx ON payment_orders (paid_at) WHERE paid_at IS NOT NULL;

-- every return and IPN the gateway (or anyone) sent, with the verdict: accepted, badSignature, unknownOrder, amountMismatch, …
CREATE TABLE gateway_notifications (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('ipn', 'return', 'refund')),
  txn_ref      text,
  params       jsonb NOT NULL,
  verdict      text NOT NULL,
  rsp_code     text NOT NULL,
  received_at  timestamptz NOT NULL
);
CREATE INDEX gateway_notifications_txn_idx ON gateway_notifications (txn_ref);

CREATE TABLE receipt_refunds (
  id                bigserial PRIMARY KEY,
  receipt_id        bigint NOT NULL REFERENCES receipts (id),
  amount_vnd        bigint NOT NULL CHECK (amount_vnd > 0),
  reason            text NOT NULL,
  -- cash back at the counter, or through the gateway for an online payment
  method            text NOT NULL CHECK (method IN ('cash', 'gateway')),
  refunded_by       bigint NOT NULL,
  refunded_by_name  text NOT NULL,
  gateway_response  text,
  shift_id          bigint,
  at                timestamptz NOT NULL
);
CREATE INDEX receipt_refunds_receipt_idx ON receipt_refunds (receipt_id);

-- the clerk's cash drawer per shift: opening cash, cash receipts and refunds in between, counted at closing
CREATE TABLE cash_shifts (
  id                 bigserial PRIMARY KEY,
  service_point_id   bigint NOT NULL REFERENCES service_points (id),
  unit_path          text NOT NULL,
  clerk_id           bigint NOT NULL,
  clerk_name         text NOT NULL,
  opened_at          timestamptz NOT NULL,
  opening_cash_vnd   bigint NOT NULL CHECK (opening_cash_vnd >= 0),
  closed_at          timestamptz,
  expected_cash_vnd  bigint,
  counted_cash_vnd   bigint CHECK (counted_cash_vnd >= 0),
  difference_vnd     bigint,
  note               text
);
CREATE UNIQUE INDEX cash_shifts_one_open_idx ON cash_shifts (clerk_id) WHERE closed_at IS NULL;
CREATE INDEX cash_shifts_opened_idx ON cash_shifts (opened_at);

-- the gateway's settlement file of a day, as imported
CREATE TABLE gateway_settlements (
  id              bigserial PRIMARY KEY,
  day             date NOT NULL,
  txn_ref         text NOT NULL,
  transaction_no  text NOT NULL,
  amount_vnd      bigint NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('payment', 'refund')),
  imported_at     timestamptz NOT NULL,
  imported_by     bigint NOT NULL,
  UNIQUE (day, txn_ref, kind)
);

-- the local gateway simulator's own ledger (what "the bank" knows; never read by payments' rules)
CREATE TABLE gateway_simulator_transactions (
  id              bigserial PRIMARY KEY,
  txn_ref         text NOT NULL,
  transaction_no  text NOT NULL UNIQUE,
  amount_vnd      bigint NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('paid', 'cancelled', 'failed')),
  refunded_vnd    bigint NOT NULL DEFAULT 0,
  bank_code       text NOT NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX gateway_simulator_transactions_at_idx ON gateway_simulator_transactions (at);
