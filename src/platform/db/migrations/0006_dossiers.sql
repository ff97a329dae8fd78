-- Dossiers (hồ sơ), their append-only hash-chained events, papers, the per-agency daily serials
-- of dossier codes, idempotency keys of intake requests and the notification outbox.
-- See src/dossiers/README.md.

CREATE TABLE applicants (
  id           bigserial PRIMARY KEY,
  personal_id  text CHECK (personal_id ~ '^[0-9]{12}$'),
  name         text NOT NULL,
  birth_date   date,
  phone        text,
  email        text,
  address      text,
  unit_id      bigint REFERENCES admin_units (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX applicants_personal_id_idx ON applicants (personal_id) WHERE personal_id IS NOT NULL;
CREATE INDEX applicants_name_trgm ON applicants USING gin (search_key(name) gin_trgm_ops);

CREATE TABLE dossiers (
  id                        bigserial PRIMARY KEY,
  code                      text NOT NULL UNIQUE,
  code_format               text NOT NULL,
  province_code             text NOT NULL,
  procedure_id              bigint NOT NULL REFERENCES procedures (id),   -- the version in force at receipt
  procedure_code            text NOT NULL,
  applicant_id              bigint NOT NULL REFERENCES applicants (id),
  applicant_name            text NOT NULL,
  applicant_phone           text,
  personal_id               text,                                        -- denormalised for search and citizen scope
  receiving_service_point_id bigint REFERENCES service_points (id),      -- null for online dossiers
  receiving_agency_id       bigint NOT NULL REFERENCES agencies (id),   -- its identifier prefixes the code
  competent_agency_id       bigint NOT NULL REFERENCES agencies (id),
  unit_path                 text NOT NULL,                               -- unit path of the competent agency (scope)
  applicant_unit_id         bigint REFERENCES admin_units (id),
  channel                   text NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
  online_level              text CHECK (online_level IN ('partial', 'full')),
  status                    text NOT NULL CHECK (status IN ('submitted', 'received', 'refused', 'processing',
                              'awaitingSupplement', 'awaitingPayment', 'resultReady', 'returned', 'rejected', 'withdrawn', 'stopped')),
  sync_code                 smallint NOT NULL CHECK (sync_code BETWEEN 1 AND 10),
  status_before_supplement  text,
  submitted_at              timestamptz NOT NULL,                        -- filed (online) or received (counter, postal)
  received_at               timestamptz,                                 -- accepted; postal: hand-over record signed
  due_at                    timestamptz,
  original_due_at           timestamptz,                                 -- before the apology (ND 61 art. 19.9)
  calendar_version          text,
  clock_started_at          timestamptz,                                 -- receipt, or the complete supplement (art. 19.4)
  supplement_requested_at   timestamptz,
  supplement_completed_at   timestamptz,
  supplement_count          integer NOT NULL DEFAULT 0,
  apology_used              boolean NOT NULL DEFAULT false,
  apologized_at             timestamptz,
  approved_at               timestamptz,
  refused_at                timestamptz,
  finished_at               timestamptz,                                 -- F766 end time
  returned_at               timestamptz,
  result_delivery           text CHECK (result_delivery IN ('counter', 'post', 'online')),
  vneid_authenticated       boolean NOT NULL DEFAULT false,
  form_data                 jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_hash                 text NOT NULL,                               -- hash of the newest event
  version                   integer NOT NULL DEFAULT 1,                  -- = seq of the newest event (optimistic concurrency)
  created_at                timestamptz NOT NULL DEFAULT now()
);
-- work queue: an agency's open dossiers by due time
CREATE INDEX dossiers_queue_idx ON dossiers (competent_agency_id, status, due_at);
CREATE INDEX dossiers_personal_id_idx ON dossiers (personal_id);
CREATE INDEX dossiers_phone_idx ON dossiers (applicant_phone);
CREATE INDEX dossiers_name_trgm ON dossiers USING gin (search_key(applicant_name) gin_trgm_ops);
CREATE INDEX dossiers_received_idx ON dossiers (province_code, received_at, id);
CREATE INDEX dossiers_unit_path_idx ON dossiers (unit_path text_pattern_ops, received_at);
CREATE INDEX dossiers_service_point_idx ON dossiers (receiving_service_point_id, received_at);

-- The truth: one row per thing that happened, chained per dossier by SHA-256. Append-only.
CREATE TABLE dossier_events (
  id          bigserial PRIMARY KEY,
  dossier_id  bigint NOT NULL REFERENCES dossiers (id),
  seq         integer NOT NULL CHECK (seq >= 1),
  at          timestamptz NOT NULL,
  action      text NOT NULL,
  actor_id    bigint,
  actor_role  text,
  payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  UNIQUE (dossier_id, seq)
);
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
-- TRUNCATE bypasses row triggers
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

CREATE TABLE dossier_papers (
  id          bigserial PRIMARY KEY,
  dossier_id  bigint NOT NULL REFERENCES dossiers (id),
  paper_key   text NOT NULL,
  name        text NOT NULL,
  originals   integer NOT NULL DEFAULT 0 CHECK (originals >= 0),
  copies      integer NOT NULL DEFAULT 0 CHECK (copies >= 0),
  source      text NOT NULL CHECK (source IN ('scanned', 'uploaded', 'reused', 'national_db', 'prior_result', 'paper')),
  file_id     bigint,
  digitized   boolean NOT NULL DEFAULT false,
  UNIQUE (dossier_id, paper_key)
);

-- Daily serial of dossier codes per receiving agency. Allocated inside the intake transaction
-- with INSERT … ON CONFLICT DO UPDATE: concurrent intakes queue on the row, a rolled-back
-- intake gives its number back (no gap, no duplicate).
CREATE TABLE dossier_serials (
  agency_id    bigint NOT NULL REFERENCES agencies (id),
  day          date NOT NULL,
  last_serial  integer NOT NULL,
  PRIMARY KEY (agency_id, day)
);

CREATE TABLE idempotency_keys (
  actor_id      bigint NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  dossier_code  text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Written in the same transaction as the event; a job delivers it (notifications, sync).
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;

-- If the deployment runs the application as role motcua_app (recommended for a shared server),
-- it may never rewrite history. Skipped when the role does not exist (embedded default).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON dossier_events FROM motcua_app;
  END IF;
END $$;
