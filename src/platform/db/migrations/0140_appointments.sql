-- Appointments ("Hẹn giờ", issue 14 §1–3): which procedures each counter serves, how long a
-- service takes, a service point's booking rules and exceptions to its opening hours, the bookings
-- themselves, and the one-time codes that verify a phone. docs/adr/021-no-double-booking.md.

-- Which procedures a counter serves. A counter without rows serves every procedure (the default,
-- so a service point works before anyone configures it).
CREATE TABLE appointment_counter_procedures (
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  counter_code      text NOT NULL,
  procedure_code    text NOT NULL,
  PRIMARY KEY (service_point_id, counter_code, procedure_code)
);

-- How long one service of a procedure takes, per purpose; without a row the purpose's default.
CREATE TABLE appointment_durations (
  procedure_code    text NOT NULL,
  purpose           text NOT NULL CHECK (purpose IN ('intake', 'pickup', 'home')),
  minutes           integer NOT NULL CHECK (minutes BETWEEN 5 AND 240),
  PRIMARY KEY (procedure_code, purpose)
);

-- A service point's booking rules; without a row the defaults of src/appointments/model.ts.
CREATE TABLE appointment_settings (
  service_point_id      bigint PRIMARY KEY REFERENCES service_points (id),
  min_notice_minutes    integer NOT NULL CHECK (min_notice_minutes BETWEEN 0 AND 10080),
  horizon_days          integer NOT NULL CHECK (horizon_days BETWEEN 1 AND 180),
  home_couriers         integer NOT NULL CHECK (home_couriers BETWEEN 0 AND 50),
  home_travel_minutes   integer NOT NULL CHECK (home_travel_minutes BETWEEN 0 AND 240)
);

-- A day whose hours differ from the weekly pattern: periods 'HH:MM-HH:MM' (none: closed).
CREATE TABLE opening_exceptions (
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  day               date NOT NULL,
  periods           jsonb NOT NULL,
  reason            text NOT NULL,
  PRIMARY KEY (service_point_id, day)
);

-- A booked time. `seat` is the counter (or the courier, 'courier-N', for a visit at home) that
-- serves it: the exclusion constraint makes two live bookings of one seat over overlapping times
-- impossible, whatever the application does (ADR 021).
CREATE TABLE bookings (
  id                bigserial PRIMARY KEY,
  code              text NOT NULL UNIQUE,
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  province_code     text NOT NULL,
  unit_path         text NOT NULL,
  purpose           text NOT NULL CHECK (purpose IN ('intake', 'pickup', 'home')),
  procedure_code    text NOT NULL,
  procedure_name    text NOT NULL,
  seat              text NOT NULL,
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  status            text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'arrived', 'cancelled', 'no_show')),
  -- who holds it: 'id:<personal ID>' or 'phone:<84…>' when no ID was given (one future booking per procedure)
  holder_key        text NOT NULL,
  personal_id       text,
  phone             text NOT NULL,
  name              text NOT NULL,
  address           text,
  dossier_code      text,
  channel           text NOT NULL CHECK (channel IN ('portal', 'counter', 'phone')),
  created_by        bigint REFERENCES users (id),
  created_at        timestamptz NOT NULL,
  -- signed links name this version: a reschedule or a cancellation makes older links useless
  link_version      integer NOT NULL DEFAULT 1,
  reminder_sent_at  timestamptz,
  arrived_at        timestamptz,
  cancelled_at      timestamptz,
  no_show_at        timestamptz,
  CHECK (ends_at > starts_at),
  CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (
    service_point_id WITH =, seat WITH =, tstzrange(starts_at, ends_at) WITH &&
  ) WHERE (status IN ('booked', 'arrived'))
);
CREATE INDEX bookings_point_day_idx ON bookings (service_point_id, starts_at);
CREATE INDEX bookings_holder_idx ON bookings (holder_key, procedure_code) WHERE status = 'booked';
CREATE INDEX bookings_reminder_idx ON bookings (starts_at) WHERE status = 'booked' AND reminder_sent_at IS NULL;

-- One-time codes sent by SMS to verify a phone (src/appointments/one-time-codes.ts). The code is
-- stored as an HMAC under the deployment's secret, never in clear.
CREATE TABLE one_time_codes (
  id              bigserial PRIMARY KEY,
  phone           text NOT NULL,
  purpose         text NOT NULL,
  code_hash       text NOT NULL,
  client_address  text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  used_at         timestamptz
);
CREATE INDEX one_time_codes_phone_idx ON one_time_codes (phone, created_at);
CREATE INDEX one_time_codes_address_idx ON one_time_codes (client_address, created_at);

-- The secret of one-time code hashes, phone verifications and the signed cancel/reschedule links.
CREATE TABLE appointment_key (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  secret  text NOT NULL CHECK (length(secret) >= 32)
);
INSERT INTO appointment_key (secret)
VALUES (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
