-- Certified electronic copies of a dossier's result (issue 12 §5, "bản sao điện tử"): the copy's
-- PDF (a stored file) made from a result file, who certified it for which agency and when, the
-- original's and the copy's SHA-256, and the remote signature when a signing service is
-- configured. Public verification (/xac-minh/<id>) reads this row by its random id.
CREATE TABLE certified_copies (
  id text PRIMARY KEY CHECK (id ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  dossier_code text NOT NULL,
  title text NOT NULL,
  source_file_id bigint NOT NULL REFERENCES files (id),
  source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
  copy_file_id bigint NOT NULL REFERENCES files (id),
  copy_sha256 text NOT NULL CHECK (copy_sha256 ~ '^[0-9a-f]{64}$'),
  agency_name text NOT NULL,
  certified_by bigint NOT NULL,
  certified_by_name text NOT NULL,
  certified_at timestamptz NOT NULL,
  -- { provider, legal, algorithm, value, certificate, signedAt } or null (no signing service)
  signature jsonb
);
CREATE INDEX certified_copies_dossier ON certified_copies (dossier_id, certified_at);
