-- The counter queue (issue 14 §4, src/appointments/queue-*): tickets taken at a kiosk — by booking
-- code or as a walk-in — numbered per service point per day (Vietnam day) with no gap, called to a
-- counter, and closed as served or no-show. Waiting and service times feed the reports.
CREATE TABLE queue_kiosks (
  id               bigserial PRIMARY KEY,
  service_point_id bigint NOT NULL REFERENCES service_points (id),
  -- sha-256 of the kiosk's secret token (the token itself is shown once, to the staff who opened it)
  token_hash       text NOT NULL UNIQUE,
  opened_by        bigint NOT NULL REFERENCES users (id),
  opened_at        timestamptz NOT NULL,
  -- a kiosk session lasts until the end of its Vietnam day, or until staff close it
  expires_at       timestamptz NOT NULL,
  closed_at        timestamptz
);
CREATE INDEX queue_kiosks_point_idx ON queue_kiosks (service_point_id, opened_at DESC);

CREATE TABLE queue_tickets (
  id                    bigserial PRIMARY KEY,
  service_point_id      bigint NOT NULL REFERENCES service_points (id),
  -- the service point's unit path and province when issued: report scope filters on them
  unit_path             text NOT NULL,
  province_code         text NOT NULL,
  -- the Vietnam day the ticket belongs to, and its number that day (from 1, no gap)
  day                   date NOT NULL,
  number                integer NOT NULL CHECK (number > 0),
  kind                  text NOT NULL CHECK (kind IN ('booked', 'walk_in')),
  -- the elderly, the disabled, pregnant women (asked at the kiosk, seen by the clerk)
  priority              boolean NOT NULL DEFAULT false,
  kiosk_id              bigint REFERENCES queue_kiosks (id),
  -- a booked ticket: the booking's code and what it says (copied at check-in: the intake is prefilled from it)
  booking_code          text,
  booked_at             timestamptz,
  procedure_code        text,
  procedure_name        text,
  applicant_name        text,
  applicant_personal_id text,
  applicant_phone       text,
  status                text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
  issued_at             timestamptz NOT NULL,
  -- the first call starts the service time; recalls only count
  called_at             timestamptz,
  last_called_at        timestamptz,
  call_count            integer NOT NULL DEFAULT 0,
  counter_code          text,
  counter_name          text,
  called_by             bigint REFERENCES users (id),
  finished_at           timestamptz,
  UNIQUE (service_point_id, day, number),
  CHECK ((kind = 'booked') = (booking_code IS NOT NULL))
);
-- one ticket per booking
CREATE UNIQUE INDEX queue_tickets_booking_idx ON queue_tickets (booking_code) WHERE booking_code IS NOT NULL;
CREATE INDEX queue_tickets_point_day_idx ON queue_tickets (service_point_id, day, status);
CREATE INDEX queue_tickets_scope_idx ON queue_tickets (province_code, day);
CREATE INDEX queue_tickets_kiosk_idx ON queue_tickets (kiosk_id, issued_at) WHERE kiosk_id IS NOT NULL;
