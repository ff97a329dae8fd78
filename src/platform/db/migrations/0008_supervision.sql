-- Supervision (src/reports/supervision*.ts, src/reports/transparency*.ts, src/notifications/):
-- in-app notifications, the escalation ledger that makes the escalation job idempotent, the
-- per-dossier resolution time behind the public transparency page, and the indexes their
-- queries need (no scan of the dossiers table).

-- In-app notifications of a user (the bell). A mail copy goes through the outbox.
CREATE TABLE notifications (
  id           bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id),
  kind         text NOT NULL,                      -- e.g. 'dossier.atRisk', 'dossier.overdue'
  dossier_code text,
  title        text NOT NULL,
  body         text NOT NULL,
  dedupe_key   text NOT NULL,                      -- one notification per user and key
  created_at   timestamptz NOT NULL,
  read_at      timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- One row per dossier, kind and due time escalated: a second run (or a second instance) finds
-- the row and notifies nobody again. A new due time (apology, restart after a supplement) may
-- escalate again.
CREATE TABLE dossier_escalations (
  dossier_id        bigint NOT NULL REFERENCES dossiers (id),
  kind              text NOT NULL CHECK (kind IN ('atRisk', 'overdue')),
  due_at            timestamptz NOT NULL,
  threshold_minutes integer NOT NULL,              -- working minutes before the due time; 0 for overdue
  escalated_at      timestamptz NOT NULL,
  recipients        integer NOT NULL,
  PRIMARY KEY (dossier_id, kind, due_at, threshold_minutes)
);

-- Resolution time of each resolved dossier in working minutes (received → result ready or
-- rejection after appraisal), kept by the reports hook in the dossier event's transaction and
-- backfilled for dossiers written by a bulk path. The transparency page takes percentiles here.
CREATE TABLE dossier_resolutions (
  dossier_id       bigint PRIMARY KEY REFERENCES dossiers (id),
  procedure_code   text NOT NULL,
  province_code    text NOT NULL,
  received_at      timestamptz NOT NULL,
  resolved_at      timestamptz NOT NULL,
  working_minutes  integer NOT NULL,
  on_time          boolean NOT NULL                 -- resolved_at <= the original due time
);
CREATE INDEX dossier_resolutions_procedure_idx ON dossier_resolutions (procedure_code, resolved_at);
CREATE INDEX dossier_resolutions_resolved_idx ON dossier_resolutions (resolved_at);

-- Escalation and the at-risk / overdue lists: open dossiers by status and due time.
CREATE INDEX dossiers_open_status_due_idx ON dossiers (status, due_at) WHERE finished_at IS NULL;
-- Transparency: open dossiers of a procedure (stale ones are reported apart).
CREATE INDEX dossiers_open_procedure_idx ON dossiers (procedure_code, received_at)
  WHERE finished_at IS NULL AND received_at IS NOT NULL;
-- Per-officer workload over a period: the events that assign, resolve or reject.
CREATE INDEX dossier_events_workload_idx ON dossier_events (at, dossier_id)
  WHERE action IN ('assign', 'markResultReady', 'reject', 'approve');
