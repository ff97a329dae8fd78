-- Online submission (issue 15 §2, §3): drafts of online dossiers kept by the online capability
-- (src/online) until they are submitted through the dossiers' intake, and the dossier's
-- `assisted` flag — an online dossier (national channel 2) filed by post-office or one-stop staff
-- on the citizen's behalf ("Công dân không viết gắn với dịch vụ công trực tuyến"), confirmed by the
-- citizen's one-time code. The flag is the fold of the intake event's `assisted` (absent: false).
ALTER TABLE dossiers ADD COLUMN assisted boolean NOT NULL DEFAULT false;
CREATE INDEX dossiers_submitted_inbox_idx ON dossiers (receiving_agency_id, submitted_at) WHERE status = 'submitted';
CREATE INDEX dossiers_submitted_at_idx ON dossiers (submitted_at);

CREATE TABLE online_drafts (
  id                bigserial PRIMARY KEY,
  -- the account that keeps the draft: the citizen, or the staff member filing for them
  owner_user_id     bigint NOT NULL,
  procedure_code    text NOT NULL,
  case_key          text,
  place_unit_code   text,
  -- ApplicantInput of the dossiers' intake: { personalId, name, phone, email?, birthDate?, address?, unitCode }
  applicant         jsonb NOT NULL,
  form_data         jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- [{ key, source: uploaded | reused | scanned, fileId?, reusedDocumentId?, originals?, copies? }]
  papers            jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- { method: counter | post | online, address? }
  delivery          jsonb,
  assisted          boolean NOT NULL DEFAULT false,
  -- the applicant agrees that their papers be kept in their document store and reused
  store_consent     boolean NOT NULL DEFAULT false,
  payment_order_id  text,
  dossier_code      text,
  submitted_at      timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           integer NOT NULL DEFAULT 1
);
CREATE INDEX online_drafts_owner_idx ON online_drafts (owner_user_id, updated_at DESC);
CREATE UNIQUE INDEX online_drafts_dossier_idx ON online_drafts (dossier_code) WHERE dossier_code IS NOT NULL;
