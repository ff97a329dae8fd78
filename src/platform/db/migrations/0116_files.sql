-- Files: scans of paper documents and electronic results, addressed by their SHA-256 (issue 12 §1,
-- src/documents). The same bytes are stored once: `sha256` is unique, and `file_uploads` records
-- every user who uploaded them (the first upload makes the row; later uploads of the same bytes add
-- an upload row only), so "uploaded by the actor" holds for each of them.
CREATE TABLE files (
  id           bigserial PRIMARY KEY,
  sha256       text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- sniffed from the bytes, never taken from the name or the client's content type
  media_type   text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
  page_count   integer NOT NULL CHECK (page_count > 0),
  -- where the file store keeps the bytes (folder or S3 key), derived from sha256
  storage_key  text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   bigint REFERENCES users (id)
);

CREATE TABLE file_uploads (
  file_id     bigint NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users (id),
  -- the name the uploader's device gave (shown, never trusted)
  file_name   text,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (file_id, user_id)
);
CREATE INDEX file_uploads_user_idx ON file_uploads (user_id, uploaded_at DESC);
-- dossier papers name their scan: the access check and the retention job look them up by file
CREATE INDEX dossier_papers_file_idx ON dossier_papers (file_id) WHERE file_id IS NOT NULL;
