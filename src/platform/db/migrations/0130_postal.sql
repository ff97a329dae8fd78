-- The public postal service for administrative procedures (BCCI; QĐ 45/2016/QĐ-TTg, TT 17/2017/
-- TT-BTTTT; issue 13; src/postal). A shipment is what the post carries for one applicant and one
-- procedure: until the hand-over to the agency there is no dossier, only the shipment's draft (the
-- e-form, scans, papers, fees collected). A shipment has legs (pickup, toAgency, result, transfer),
-- each with an S10 tracking number and an append-only trail of events.

-- tracking serials (the 8 digits of an S10 number); gaps do not matter for tracking numbers
CREATE SEQUENCE postal_tracking_serial START WITH 10000001 MAXVALUE 99999999;

CREATE TABLE postal_shipments (
  id                 bigserial PRIMARY KEY,
  service_point_id   bigint NOT NULL REFERENCES service_points (id),
  -- the service point's unit path and province: scope filters on them
  unit_path          text NOT NULL,
  province_code      text NOT NULL,
  origin             text NOT NULL CHECK (origin IN ('portal', 'counter', 'phone', 'dossier')),
  procedure_code     text NOT NULL,
  procedure_name     text NOT NULL,
  -- { name, phone, personalId? } as requested
  applicant          jsonb NOT NULL,
  personal_id        text,
  address            text NOT NULL,
  -- the commune in force (an old code given is translated through the 2025 succession)
  commune_code       text NOT NULL,
  commune_name       text NOT NULL,
  requested_commune_code text NOT NULL,
  window_from        timestamptz,
  window_to          timestamptz,
  note               text,
  -- the draft of the dossier-to-be: { applicant, formData, papers[], unitCode } (courier at the door)
  draft              jsonb NOT NULL DEFAULT '{}'::jsonb,
  fee_vnd            bigint NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
  postage_vnd        bigint NOT NULL DEFAULT 0 CHECK (postage_vnd >= 0),
  receipt_id         bigint,
  sealed_at          timestamptz,
  -- the dossier received at the hand-over (or the dossier whose result this shipment carries)
  dossier_code       text,
  requested_by       bigint,
  created_at         timestamptz NOT NULL,
  version            integer NOT NULL DEFAULT 0
);
CREATE INDEX postal_shipments_point_idx ON postal_shipments (service_point_id, created_at DESC);
CREATE INDEX postal_shipments_person_idx ON postal_shipments (personal_id) WHERE personal_id IS NOT NULL;
CREATE INDEX postal_shipments_dossier_idx ON postal_shipments (dossier_code) WHERE dossier_code IS NOT NULL;

CREATE TABLE postal_legs (
  id                 bigserial PRIMARY KEY,
  shipment_id        bigint NOT NULL REFERENCES postal_shipments (id),
  kind               text NOT NULL CHECK (kind IN ('pickup', 'toAgency', 'result', 'transfer')),
  tracking_number    text NOT NULL UNIQUE,
  -- the fold of the leg's events (src/postal/model.ts foldTrail)
  status             text NOT NULL,
  service_point_id   bigint NOT NULL REFERENCES service_points (id),
  courier_id         bigint,
  courier_name       text,
  agency_id          bigint REFERENCES agencies (id),
  -- who must sign at the end of a result leg: { name, personalId }
  recipient          jsonb,
  carrier_order_id   text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  version            integer NOT NULL DEFAULT 0
);
CREATE INDEX postal_legs_shipment_idx ON postal_legs (shipment_id);
CREATE INDEX postal_legs_courier_idx ON postal_legs (courier_id, status);

CREATE TABLE postal_leg_events (
  id                 bigserial PRIMARY KEY,
  leg_id             bigint NOT NULL REFERENCES postal_legs (id),
  -- the courier's or the carrier's id of the event: the same event twice is stored once
  event_id           text NOT NULL,
  kind               text NOT NULL,
  at                 timestamptz NOT NULL,
  recorded_at        timestamptz NOT NULL,
  source             text NOT NULL CHECK (source IN ('staff', 'courier', 'carrier', 'system')),
  actor_id           bigint,
  actor_name         text,
  note               text,
  -- { lat, lon } when the device gave it
  position           jsonb,
  -- signatures { role: { name, personalId?, sha256, fileId? } }, the failed attempt's reason, the receipt…
  payload            jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (leg_id, event_id)
);
CREATE TRIGGER postal_leg_events_append_only BEFORE UPDATE OR DELETE ON postal_leg_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER postal_leg_events_no_truncate BEFORE TRUNCATE ON postal_leg_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- signatures drawn on the courier's screen (PNG), kept until the documents capability stores files
CREATE TABLE postal_signatures (
  id                 bigserial PRIMARY KEY,
  sha256             text NOT NULL,
  png                bytea NOT NULL,
  signer_name        text NOT NULL,
  signer_personal_id text,
  signed_at          timestamptz NOT NULL
);

-- Biên bản giao nhận hồ sơ (QĐ 45 art. 7; TT 17 art. 5.1): parcels handed to an agency's receiver,
-- signed by both; its signature time is each dossier's legal receipt time.
CREATE TABLE postal_handover_records (
  id                 bigserial PRIMARY KEY,
  service_point_id   bigint NOT NULL REFERENCES service_points (id),
  unit_path          text NOT NULL,
  year               integer NOT NULL,
  number             integer NOT NULL CHECK (number > 0),
  agency_id          bigint NOT NULL REFERENCES agencies (id),
  agency_name        text NOT NULL,
  courier_id         bigint NOT NULL,
  courier_name       text NOT NULL,
  receiver_name      text NOT NULL,
  receiver_personal_id text,
  courier_signature_id  bigint NOT NULL REFERENCES postal_signatures (id),
  receiver_signature_id bigint NOT NULL REFERENCES postal_signatures (id),
  signed_at          timestamptz NOT NULL,
  statement          text NOT NULL,
  UNIQUE (service_point_id, year, number)
);

CREATE TABLE postal_handover_items (
  record_id          bigint NOT NULL REFERENCES postal_handover_records (id),
  shipment_id        bigint NOT NULL REFERENCES postal_shipments (id) UNIQUE,
  leg_id             bigint NOT NULL REFERENCES postal_legs (id),
  tracking_number    text NOT NULL,
  dossier_code       text NOT NULL,
  -- the dossier's due time, counted from the record's signature
  due_at             timestamptz,
  fee_vnd            bigint NOT NULL,
  PRIMARY KEY (record_id, shipment_id)
);

-- Fees collected by the post and remitted to the agency at the hand-over (QĐ 45 art. 7, step 8):
-- one remittance per hand-over record, reconciled when what the agency counted equals what was collected.
CREATE TABLE postal_remittances (
  record_id          bigint PRIMARY KEY REFERENCES postal_handover_records (id),
  agency_id          bigint NOT NULL REFERENCES agencies (id),
  collected_vnd      bigint NOT NULL CHECK (collected_vnd >= 0),
  remitted_vnd       bigint NOT NULL CHECK (remitted_vnd >= 0),
  reconciled         boolean NOT NULL,
  at                 timestamptz NOT NULL
);

-- the carrier's orders and the position of its event feed (src/postal/carrier.ts)
CREATE TABLE postal_carrier_cursor (
  carrier            text PRIMARY KEY,
  cursor             text NOT NULL,
  updated_at         timestamptz NOT NULL
);
