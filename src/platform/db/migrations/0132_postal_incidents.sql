-- Incidents and complaints of the public postal service (issue 13 §8; TT 17/2017/TT-BTTTT art. 8,
-- QĐ 45/2016/QĐ-TTg art. 14; src/postal/incidents.ts): an item lost, damaged or late, or a complaint
-- about the service, recorded on one leg of a shipment; open until resolved, when the resolution
-- and any compensation paid (numbered per post office and year: 0001/BT-2026) are written with it.
CREATE TABLE postal_incidents (
  id                 bigserial PRIMARY KEY,
  shipment_id        bigint NOT NULL REFERENCES postal_shipments (id),
  leg_id             bigint NOT NULL REFERENCES postal_legs (id),
  tracking_number    text NOT NULL,
  -- the post office of the leg: its staff record and resolve; reports group by it
  service_point_id   bigint NOT NULL REFERENCES service_points (id),
  unit_path          text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('lost', 'damaged', 'late', 'complaint')),
  description        text NOT NULL,
  -- who reported it (the applicant, an agency's receiver, the courier) and how to reach them
  reported_by        text NOT NULL,
  reporter_phone     text,
  reported_at        timestamptz NOT NULL,
  -- TT 17 art. 8: resolved within 5 working days (in the province)
  resolve_by         date NOT NULL,
  recorded_by_id     bigint NOT NULL,
  recorded_by_name   text NOT NULL,
  status             text NOT NULL CHECK (status IN ('open', 'resolved')),
  resolution         text,
  resolved_at        timestamptz,
  resolved_by_id     bigint,
  resolved_by_name   text,
  -- compensation paid (QĐ 45 art. 14; ND 47/2011 arts. 24–27): whole VND, its numbered record
  compensation_vnd   bigint NOT NULL DEFAULT 0 CHECK (compensation_vnd >= 0),
  compensation_year  integer,
  compensation_number integer,
  compensation_recipient text,
  compensation_method text,
  CHECK (status = 'open' OR (resolution IS NOT NULL AND resolved_at IS NOT NULL)),
  CHECK (compensation_vnd = 0 OR (compensation_number IS NOT NULL AND compensation_recipient IS NOT NULL)),
  UNIQUE (service_point_id, compensation_year, compensation_number)
);
CREATE INDEX postal_incidents_point_idx ON postal_incidents (service_point_id, reported_at DESC);
CREATE INDEX postal_incidents_leg_idx ON postal_incidents (leg_id);
