-- Delivery of the outbox (src/notifications/README.md). A row is pending while processed_at is
-- NULL. A consumer claims it with a lease (attempts + 1, locked_until = next_attempt_at = now +
-- lease) in one autocommitted statement, sends outside any transaction, then records the outcome:
-- delivered, skipped (no message for that kind or recipient), a retry after a back-off, or dead
-- after the last attempt. A consumer that dies after the claim leaves the lease to expire: the row
-- is claimed again (at-least-once; the outbox id is the idempotency key given to the gateway).
ALTER TABLE outbox
  ADD COLUMN channel          text CHECK (channel IN ('sms', 'mail')),
  ADD COLUMN attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ADD COLUMN next_attempt_at  timestamptz,              -- NULL: due now
  ADD COLUMN locked_until     timestamptz,              -- the lease of the consumer that claimed it
  ADD COLUMN last_error       text,
  ADD COLUMN skipped_reason   text,
  ADD COLUMN provider_id      text,                     -- message id given by the SMTP server or SMS gateway
  ADD COLUMN delivered_at     timestamptz,
  ADD COLUMN dead_at          timestamptz,
  ADD CONSTRAINT outbox_one_outcome CHECK (delivered_at IS NULL OR dead_at IS NULL),
  ADD CONSTRAINT outbox_outcome_processed CHECK ((delivered_at IS NULL AND dead_at IS NULL) OR processed_at IS NOT NULL);

-- Rows written before delivery existed were never sent. Those of the last day are delivered now;
-- older ones would reach applicants too late to mean anything ("received, due …" weeks later):
-- they are closed as skipped. The claim walks outbox_pending_idx (id WHERE processed_at IS NULL).
UPDATE outbox SET processed_at = now(), skipped_reason = 'Ghi trước khi có chức năng gửi thông báo (quá 1 ngày): không gửi.'
 WHERE processed_at IS NULL AND created_at < now() - interval '1 day';

-- the administrators' list of dead rows, newest first
CREATE INDEX outbox_dead_idx ON outbox (id) WHERE dead_at IS NOT NULL;

-- What the local simulators accepted when no SMTP server or SMS gateway is configured: the
-- development and demo stand-in for the real channels (same validation; one row per idempotency
-- key, as a gateway that de-duplicates). Not used in production.
CREATE TABLE sms_simulator_messages (
  id               bigserial PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  to_number        text NOT NULL,             -- 84xxxxxxxxx
  text             text NOT NULL,
  encoding         text NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
  segments         integer NOT NULL CHECK (segments >= 1),
  accepted_at      timestamptz NOT NULL
);

CREATE TABLE mail_simulator_messages (
  id               bigserial PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  from_address     text NOT NULL,
  to_address       text NOT NULL,
  subject          text NOT NULL,
  text             text NOT NULL,
  accepted_at      timestamptz NOT NULL
);
