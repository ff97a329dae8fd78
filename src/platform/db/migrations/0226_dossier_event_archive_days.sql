-- The days an archived year's dossiers moved (ADR 022, `motcua audit verify --anchors`): a signed
-- daily anchor folds the chain heads of every dossier with events that day, so a day on which a
-- dossier of an archived year moved cannot be recomputed from the attached log alone. While the
-- detached table is in the database, verify reads it too; once it has been dumped and dropped,
-- these rows say which anchored days include how many archived chains, so those days are reported
-- as archived (signature, anchor chain and head count still checked), never as tampering.
-- Written by `motcua audit archive` from the partition it detaches, before detaching it.
CREATE TABLE dossier_event_archive_days (
  year   integer NOT NULL REFERENCES dossier_event_archives (year) DEFERRABLE INITIALLY DEFERRED,
  day    date NOT NULL,            -- civil date, Vietnam time
  heads  integer NOT NULL CHECK (heads > 0), -- the year's dossiers with events on the day
  PRIMARY KEY (year, day)
);
CREATE TRIGGER dossier_event_archive_days_append_only BEFORE UPDATE OR DELETE ON dossier_event_archive_days
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- years archived before this migration whose detached table is still here
DO $$
DECLARE
  a record;
BEGIN
  FOR a IN SELECT year, table_name FROM dossier_event_archives LOOP
    IF to_regclass(format('public.%I', a.table_name)) IS NOT NULL THEN
      EXECUTE format('INSERT INTO dossier_event_archive_days (year, day, heads)
        SELECT $1, (at AT TIME ZONE ''Asia/Ho_Chi_Minh'')::date, count(DISTINCT dossier_id) FROM %I GROUP BY 2', a.table_name) USING a.year;
    END IF;
  END LOOP;
END $$;
