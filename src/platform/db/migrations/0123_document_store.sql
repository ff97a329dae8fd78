-- The applicant's document store (issue 12 §4, DOMAIN §10.3; "kho dữ liệu điện tử của tổ chức,
-- cá nhân"): every digitized paper of a received dossier and every electronic result, keyed by the
-- holder (a person's 12-digit personal ID, or an organisation's tax code), with its document type,
-- validity and source dossier; and the holder's consent to keep and reuse them, with its time and
-- purpose. The rows are written by src/documents/store-hook.ts in the transaction (or the intake
-- statement) of the dossier event that made them.
CREATE TABLE store_consents (
  id bigserial PRIMARY KEY,
  holder_kind text NOT NULL CHECK (holder_kind IN ('person', 'organisation')),
  holder_id text NOT NULL CHECK (holder_id ~ '^[0-9]{10,13}(-[0-9]{3})?$'),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  given_at timestamptz NOT NULL,
  -- where it was asked: at a counter (a field of the intake), by a courier, or on the portal
  given_via text NOT NULL CHECK (given_via IN ('counter', 'postal', 'portal')),
  dossier_code text,
  -- user ids as in dossier_events.actor_id (no foreign key: the event log keeps them the same way)
  recorded_by bigint,
  withdrawn_at timestamptz,
  withdrawn_by bigint,
  CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
);
-- at most one consent in force per holder
CREATE UNIQUE INDEX store_consents_in_force ON store_consents (holder_kind, holder_id) WHERE withdrawn_at IS NULL;
CREATE INDEX store_consents_holder ON store_consents (holder_kind, holder_id, given_at DESC);

CREATE TABLE store_documents (
  id bigserial PRIMARY KEY,
  holder_kind text NOT NULL CHECK (holder_kind IN ('person', 'organisation')),
  holder_id text NOT NULL,
  -- the catalogue's paper key in the source procedure (null for a result)
  paper_key text,
  -- the kind of document, recognised from its name (src/documents/store-model.ts); null: not reusable elsewhere (forms)
  doc_type text,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  file_id bigint NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('digitized', 'result')),
  source_dossier_id bigint NOT NULL REFERENCES dossiers (id),
  source_dossier_code text NOT NULL,
  source_procedure_code text NOT NULL,
  -- the user whose intake filed the source dossier (a citizen's own online filing)
  filed_by bigint,
  valid_from date,
  valid_until date,
  created_at timestamptz NOT NULL,
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
  UNIQUE (source_dossier_id, source_kind, file_id)
);
CREATE INDEX store_documents_holder ON store_documents (holder_kind, holder_id, created_at DESC);
CREATE INDEX store_documents_file ON store_documents (file_id);

-- a paper reused from the store names the stored document it came from (DOMAIN §10.3: the reuse flag and the link to the source record)
ALTER TABLE dossier_papers ADD COLUMN reused_document_id bigint REFERENCES store_documents (id);
ALTER TABLE dossier_papers ADD CONSTRAINT dossier_papers_reused_link CHECK (reused_document_id IS NULL OR source = 'reused');
