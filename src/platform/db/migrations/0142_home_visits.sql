-- Visits at home (issue 14 §2): the communes (of the 2025 directory) each courier of a service
-- point visits, and on a booked visit the commune of its address and the postal pickup it became.
-- src/appointments/home-travel.ts computes the slots from them; the travel between two visits
-- follows the communes' centres (src/appointments/README.md "Visits at home").
CREATE TABLE courier_areas (
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  courier_id        bigint NOT NULL REFERENCES users (id),
  commune_code      text NOT NULL,
  PRIMARY KEY (service_point_id, courier_id, commune_code)
);
CREATE INDEX courier_areas_commune_idx ON courier_areas (commune_code);

ALTER TABLE bookings ADD COLUMN commune_code text;
-- the postal shipment whose pickup leg carries the visit (src/postal/booked-visits.ts)
ALTER TABLE bookings ADD COLUMN shipment_id bigint;
