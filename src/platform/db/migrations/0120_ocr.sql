-- OCR of scans (issue 12 §3, src/documents/ocr-*.ts). Each stored file gets one OCR run, a queue
-- row claimed with a lease by the `documents.ocr` job (as the outbox is, 0011): attempts count the
-- claims, next_attempt_at is the back-off, a run given up stays `failed` with its reason for staff
-- to see and queue again. The text is kept per page; search_key (0001) folds it for search without
-- diacritics, behind a trigram index. Both tables go with their file (retention deletes the file).
CREATE TABLE ocr_runs (
  file_id          bigint PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL,
  -- set by a claim: until then no other worker takes the run (a worker that died lets it expire)
  lease_until      timestamptz,
  last_error       text,
  queued_at        timestamptz NOT NULL,
  finished_at      timestamptz,
  pages_read       integer CHECK (pages_read >= 0)
);
CREATE INDEX ocr_runs_due_idx ON ocr_runs (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ocr_runs_failed_idx ON ocr_runs (finished_at DESC, file_id DESC) WHERE status = 'failed';

CREATE TABLE ocr_pages (
  file_id      bigint NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  page_number  integer NOT NULL CHECK (page_number > 0),
  text         text NOT NULL,
  PRIMARY KEY (file_id, page_number)
);
-- "nguyen thi huong" finds "Nguyễn Thị Hường": every word of a query is a LIKE '%word%' on the key
CREATE INDEX ocr_pages_search_idx ON ocr_pages USING gin (search_key(text) gin_trgm_ops);
