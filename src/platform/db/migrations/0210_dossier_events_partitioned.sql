-- Issue 16 §5–§6, ADR 022: the event log partitioned by the year (Vietnam time) in which its dossier
-- was filed, so that an old year can be detached and archived whole, chains included. Every event
-- carries its dossier's filing time (`dossier_submitted_at`, the partition key) and province (the
-- sharding key), both held equal to the dossier's by one foreign key; (dossier_id, seq) stays
-- unique because all the events of a dossier share one partition key value.

ALTER TABLE dossier_events RENAME TO dossier_events_unpartitioned;
ALTER INDEX dossier_events_pkey RENAME TO dossier_events_unpartitioned_pkey;
ALTER INDEX dossier_events_dossier_id_seq_key RENAME TO dossier_events_unpartitioned_seq_key;
ALTER INDEX dossier_events_workload_idx RENAME TO dossier_events_unpartitioned_workload_idx;

-- the target of the events' foreign key (a unique key must contain the referenced columns)
CREATE UNIQUE INDEX dossiers_partition_key_idx ON dossiers (id, province_code, submitted_at);

CREATE TABLE dossier_events (
  id                    bigint NOT NULL DEFAULT nextval('dossier_events_id_seq'),
  dossier_id            bigint NOT NULL,
  seq                   integer NOT NULL CONSTRAINT dossier_events_seq_check CHECK (seq >= 1),
  at                    timestamptz NOT NULL,
  action                text NOT NULL,
  actor_id              bigint,
  actor_role            text,
  payload               jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash             text NOT NULL,
  hash                  text NOT NULL,
  hash_version          smallint NOT NULL CONSTRAINT dossier_events_hash_version_check CHECK (hash_version IN (1, 2)),
  province_code         text NOT NULL,                 -- = dossiers.province_code (sharding key)
  dossier_submitted_at  timestamptz NOT NULL,          -- = dossiers.submitted_at (partition key)
  CONSTRAINT dossier_events_pkey PRIMARY KEY (id, dossier_submitted_at),
  CONSTRAINT dossier_events_dossier_seq_key UNIQUE (dossier_id, seq, dossier_submitted_at),
  CONSTRAINT dossier_events_dossier_fkey FOREIGN KEY (dossier_id, province_code, dossier_submitted_at)
    REFERENCES dossiers (id, province_code, submitted_at)
) PARTITION BY RANGE (dossier_submitted_at);
ALTER SEQUENCE dossier_events_id_seq OWNED BY dossier_events.id;
-- Per-officer workload over a period (migration 0008)
CREATE INDEX dossier_events_workload_idx ON dossier_events (at, dossier_id)
  WHERE action IN ('assign', 'markResultReady', 'reject', 'approve');
-- cloned onto every partition
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
-- a statement trigger is not cloned: each partition gets its own (dossier_events_guard_truncate)
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- The years taken out of the log (motcua audit archive): their rows live in `table_name` (detached,
-- append-only) until dumped; an empty guard partition with CHECK (false) holds the year's range.
CREATE TABLE dossier_event_archives (
  year         integer PRIMARY KEY,
  table_name   text NOT NULL,
  dossiers     integer NOT NULL CHECK (dossiers >= 0),
  events       bigint NOT NULL CHECK (events >= 0),
  archived_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER dossier_event_archives_append_only BEFORE UPDATE OR DELETE ON dossier_event_archives
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE FUNCTION dossier_events_guard_truncate(part text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()',
    left(part, 50) || '_no_truncate', part);
END $$;

CREATE TABLE dossier_events_default PARTITION OF dossier_events DEFAULT;
SELECT dossier_events_guard_truncate('dossier_events_default');

-- The partition of year y (dossiers filed from 01/01/y 00:00 to 01/01/y+1 00:00, Vietnam time);
-- false when it exists or the year is archived. Rows of that year already in the DEFAULT partition
-- are moved without UPDATE or DELETE: the default is detached, a new one attached, its rows copied
-- through the parent and the old table dropped.
CREATE FUNCTION dossier_events_ensure_year(y integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  part text := format('dossier_events_y%s', y);
  lo timestamptz := make_timestamptz(y, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
  hi timestamptz := make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL OR EXISTS (SELECT 1 FROM dossier_event_archives WHERE year = y) THEN
    RETURN false;
  END IF;
  LOCK TABLE dossier_events IN ACCESS EXCLUSIVE MODE;
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN RETURN false; END IF;
  IF EXISTS (SELECT 1 FROM dossier_events_default WHERE dossier_submitted_at >= lo AND dossier_submitted_at < hi) THEN
    ALTER TABLE dossier_events DETACH PARTITION dossier_events_default;
    ALTER TABLE dossier_events_default RENAME TO dossier_events_default_moving;
    EXECUTE format('CREATE TABLE %I PARTITION OF dossier_events FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    CREATE TABLE dossier_events_default PARTITION OF dossier_events DEFAULT;
    PERFORM dossier_events_guard_truncate('dossier_events_default');
    INSERT INTO dossier_events SELECT * FROM dossier_events_default_moving;
    DROP TABLE dossier_events_default_moving;
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF dossier_events FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  END IF;
  PERFORM dossier_events_guard_truncate(part);
  RETURN true;
END $$;

-- the years of the existing dossiers (2000 on), this year and the next; older or stranger years
-- stay in the DEFAULT partition
SELECT dossier_events_ensure_year(y) FROM (
  SELECT DISTINCT extract(year FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer AS y FROM dossiers
  UNION SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer + k FROM generate_series(0, 1) AS k
) AS years WHERE y BETWEEN 2000 AND extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer + 1 ORDER BY y;

INSERT INTO dossier_events (id, dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
SELECT e.id, e.dossier_id, e.seq, e.at, e.action, e.actor_id, e.actor_role, e.payload, e.prev_hash, e.hash, e.hash_version, d.province_code, d.submitted_at
  FROM dossier_events_unpartitioned e JOIN dossiers d ON d.id = e.dossier_id;

DROP TABLE dossier_events_unpartitioned;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_app') THEN
    GRANT SELECT, INSERT ON dossier_events TO motcua_app;
    GRANT SELECT ON dossier_event_archives TO motcua_app;
  END IF;
END $$;
