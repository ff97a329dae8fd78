-- The one receipt model of the system (biên lai thu phí, lệ phí, cước; issue 13 §2, to be extended
-- by the payments issue 15): a numbered receipt per series, service point and year, gap-free through
-- the service point's register (src/platform/registers.ts), amounts in whole VND.
CREATE TABLE receipts (
  id                 bigserial PRIMARY KEY,
  series             text NOT NULL,
  service_point_id   bigint NOT NULL REFERENCES service_points (id),
  year               integer NOT NULL,
  number             integer NOT NULL CHECK (number > 0),
  amount_vnd         bigint NOT NULL CHECK (amount_vnd >= 0),
  -- { name, personalId?, address?, phone? }
  payer              jsonb NOT NULL,
  -- [{ kind: fee | charge | postage, label, amountVnd }]
  items              jsonb NOT NULL,
  payment_method     text NOT NULL CHECK (payment_method IN ('cash', 'transfer', 'card', 'qr')),
  collected_by       bigint NOT NULL,
  collected_by_name  text NOT NULL,
  -- where: at a counter or by a courier at the applicant's address
  place              text NOT NULL CHECK (place IN ('counter', 'courier')),
  dossier_code       text,
  shipment_id        bigint,
  issued_at          timestamptz NOT NULL,
  UNIQUE (service_point_id, series, year, number)
);
CREATE INDEX receipts_dossier_idx ON receipts (dossier_code) WHERE dossier_code IS NOT NULL;
CREATE INDEX receipts_shipment_idx ON receipts (shipment_id) WHERE shipment_id IS NOT NULL;
