-- Issue 16 §6, ADR 022: the papers of a dossier partitioned like its events, by the year (Vietnam
-- time) in which the dossier was filed, so that `motcua audit archive --year` takes a year's papers
-- out together with its events. Every paper carries its dossier's filing time (`dossier_submitted_at`,
-- the partition key, set by the writers in code) and province (the sharding key), both held equal to
-- the dossier's by one foreign key; (dossier_id, paper_key) stays unique because all the papers of a
-- dossier share one partition key value.

ALTER TABLE dossier_papers RENAME TO dossier_papers_unpartitioned;
ALTER INDEX dossier_papers_pkey RENAME TO dossier_papers_unpartitioned_pkey;
ALTER INDEX dossier_papers_dossier_id_paper_key_key RENAME TO dossier_papers_unpartitioned_key;
ALTER INDEX dossier_papers_file_idx RENAME TO dossier_papers_unpartitioned_file_idx;

CREATE TABLE dossier_papers (
  id                    bigint NOT NULL DEFAULT nextval('dossier_papers_id_seq'),
  dossier_id            bigint NOT NULL,
  paper_key             text NOT NULL,
  name                  text NOT NULL,
  originals             integer NOT NULL DEFAULT 0 CONSTRAINT dossier_papers_originals_check CHECK (originals >= 0),
  copies                integer NOT NULL DEFAULT 0 CONSTRAINT dossier_papers_copies_check CHECK (copies >= 0),
  source                text NOT NULL CONSTRAINT dossier_papers_source_check
                          CHECK (source IN ('scanned', 'uploaded', 'reused', 'national_db', 'prior_result', 'paper')),
  file_id               bigint,
  digitized             boolean NOT NULL DEFAULT false,
  reused_document_id    bigint CONSTRAINT dossier_papers_reused_document_id_fkey REFERENCES store_documents (id),
  province_code         text NOT NULL,                 -- = dossiers.province_code (sharding key)
  dossier_submitted_at  timestamptz NOT NULL,          -- = dossiers.submitted_at (partition key)
  CONSTRAINT dossier_papers_reused_link CHECK (reused_document_id IS NULL OR source = 'reused'),
  CONSTRAINT dossier_papers_pkey PRIMARY KEY (id, dossier_submitted_at),
  CONSTRAINT dossier_papers_dossier_key UNIQUE (dossier_id, paper_key, dossier_submitted_at),
  CONSTRAINT dossier_papers_dossier_fkey FOREIGN KEY (dossier_id, province_code, dossier_submitted_at)
    REFERENCES dossiers (id, province_code, submitted_at)
) PARTITION BY RANGE (dossier_submitted_at);
ALTER SEQUENCE dossier_papers_id_seq OWNED BY dossier_papers.id;
-- a stored file's paper (migration 0116)
CREATE INDEX dossier_papers_file_idx ON dossier_papers (file_id) WHERE file_id IS NOT NULL;

-- the archived years' papers: their detached table (NULL for a year archived before this migration,
-- whose papers were then in one table and stay attached in the year's partition)
ALTER TABLE dossier_event_archives ADD COLUMN papers_table text, ADD COLUMN papers bigint CHECK (papers >= 0);

CREATE TABLE dossier_papers_default PARTITION OF dossier_papers DEFAULT;

-- The papers' partition of year y, as dossier_events_ensure_year does it for the events: false when
-- it exists or the year's papers are archived; rows of the year in the DEFAULT partition are moved.
CREATE FUNCTION dossier_papers_ensure_year(y integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  part text := format('dossier_papers_y%s', y);
  lo timestamptz := make_timestamptz(y, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
  hi timestamptz := make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL
     OR EXISTS (SELECT 1 FROM dossier_event_archives WHERE year = y AND papers_table IS NOT NULL) THEN
    RETURN false;
  END IF;
  LOCK TABLE dossier_papers IN ACCESS EXCLUSIVE MODE;
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN RETURN false; END IF;
  IF EXISTS (SELECT 1 FROM dossier_papers_default WHERE dossier_submitted_at >= lo AND dossier_submitted_at < hi) THEN
    ALTER TABLE dossier_papers DETACH PARTITION dossier_papers_default;
    ALTER TABLE dossier_papers_default RENAME TO dossier_papers_default_moving;
    EXECUTE format('CREATE TABLE %I PARTITION OF dossier_papers FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    CREATE TABLE dossier_papers_default PARTITION OF dossier_papers DEFAULT;
    INSERT INTO dossier_papers SELECT * FROM dossier_papers_default_moving;
    DROP TABLE dossier_papers_default_moving;
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF dossier_papers FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  END IF;
  RETURN true;
END $$;

-- the same years as the events' partitions (0210): those of the existing dossiers from 2000 on,
-- this year and the next, and any later year the log already has
SELECT dossier_papers_ensure_year(y) FROM (
  SELECT DISTINCT extract(year FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer AS y FROM dossiers
  UNION SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer + k FROM generate_series(0, 1) AS k
) AS years WHERE y BETWEEN 2000 AND extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer + 1
UNION ALL
SELECT dossier_papers_ensure_year(substr(c.relname, 17)::integer) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'dossier_events'::regclass AND c.relname ~ '^dossier_events_y[0-9]{4}$';

INSERT INTO dossier_papers (id, dossier_id, paper_key, name, originals, copies, source, file_id, digitized, reused_document_id, province_code, dossier_submitted_at)
SELECT p.id, p.dossier_id, p.paper_key, p.name, p.originals, p.copies, p.source, p.file_id, p.digitized, p.reused_document_id, d.province_code, d.submitted_at
  FROM dossier_papers_unpartitioned p JOIN dossiers d ON d.id = p.dossier_id;

DROP TABLE dossier_papers_unpartitioned;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON dossier_papers TO motcua_app;
  END IF;
END $$;
