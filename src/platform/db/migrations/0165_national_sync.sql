-- National portal sync (issue 15 §5, DOMAIN §1.5): one row per dossier event, written in the
-- event's transaction by src/sync/hook.ts, pushed to the national portal in order per dossier by
-- the pg-boss job `sync.push` (src/sync/push.ts). A dossier's row n+1 is never sent before row n
-- was accepted; the portal dedupes by (dossier code, seq), so a resend after a crash is harmless.
CREATE TABLE sync_outbox (
  id               bigserial PRIMARY KEY,
  dossier_id       bigint NOT NULL,
  dossier_code     text NOT NULL,
  -- the event's seq in the dossier's log (1 = intake)
  seq              integer NOT NULL CHECK (seq > 0),
  action           text NOT NULL,
  -- the national status after the event (TrangThaiHoSo 1–10)
  sync_code        smallint NOT NULL CHECK (sync_code BETWEEN 1 AND 10),
  event_at         timestamptz NOT NULL,
  -- the dossier's unit path and channel, for scoped reads (status page, indicator 1.4) without a join
  unit_path        text NOT NULL,
  channel          text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  -- NULL: due now
  next_attempt_at  timestamptz,
  locked_until     timestamptz,
  last_error       text,
  last_error_at    timestamptz,
  -- automatic retries stopped after the configured attempts; an administrator's retry clears it
  gave_up_at       timestamptz,
  sent_at          timestamptz,
  -- what the portal answered (its receipt id), kept for the audit
  portal_receipt   text,
  UNIQUE (dossier_id, seq)
);
CREATE INDEX sync_outbox_pending_idx ON sync_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX sync_outbox_failed_idx ON sync_outbox (last_error_at DESC) WHERE sent_at IS NULL AND last_error IS NOT NULL;
CREATE INDEX sync_outbox_receipts_idx ON sync_outbox (event_at) WHERE action IN ('received', 'receive');

-- Dossiers filed on the national portal and pulled in (src/sync/pull.ts): one row per national
-- reference, so a submission is never filed twice; `cursor` of the feed kept in sync_state.
CREATE TABLE sync_pulled (
  national_reference text PRIMARY KEY,
  dossier_code       text,
  pulled_at          timestamptz NOT NULL,
  -- why it could not be filed (unknown procedure, bad data); retried by hand from the status page
  error              text
);

CREATE TABLE sync_state (
  key   text PRIMARY KEY,
  value text NOT NULL
);
