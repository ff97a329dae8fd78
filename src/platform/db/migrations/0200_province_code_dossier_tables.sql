-- The sharding key (issue 16 §5, docs/scale.md "Citus: the table map"): every table that grows
-- with dossiers carries the dossier's `province_code` (admin_units.province_code of the dossier's
-- unit, as `dossiers.province_code` holds it), NOT NULL, so that Citus can distribute it by
-- province and colocate it with its dossier. This migration: the tables hanging off a dossier.
-- Safe on a database with data: add the column, backfill from the parent, then NOT NULL.
-- (dossier_events is issue 16 §6's: its partitioned rebuild carries province_code.)

-- A new row without province_code takes its parent's. The arguments are pairs
-- (column of the new row, query reading the province from that column's value as $1), tried in
-- order; no province found is an error (a row must never land outside its province's shard).
-- The service paths that know the province set it themselves (docs/scale.md says which); the
-- trigger covers the other writers (simulator bulk load, test helpers) on one node. Under Citus a
-- shard's trigger cannot read a distributed parent, so the step to Citus drops the triggers whose
-- parent is distributed once every writer sets the column (docs/scale.md, step 3).
CREATE FUNCTION province_code_from_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fields jsonb;
  found text;
  i integer := 0;
BEGIN
  IF NEW.province_code IS NOT NULL THEN
    RETURN NEW;
  END IF;
  fields := to_jsonb(NEW);
  WHILE i + 1 < TG_NARGS LOOP
    IF fields ->> TG_ARGV[i] IS NOT NULL THEN
      EXECUTE TG_ARGV[i + 1] INTO found USING fields ->> TG_ARGV[i];
      IF found IS NOT NULL THEN
        NEW.province_code := found;
        RETURN NEW;
      END IF;
    END IF;
    i := i + 2;
  END LOOP;
  RAISE EXCEPTION 'a new % row has no province_code and none of its parents gives one', TG_TABLE_NAME
    USING ERRCODE = 'not_null_violation';
END $$;

-- Citus requires a foreign key between distributed tables to include the distribution column:
-- (province_code, id) becomes the key children point at. id stays unique on its own.
CREATE UNIQUE INDEX dossiers_province_id_key ON dossiers (province_code, id);
ALTER TABLE dossiers ADD CONSTRAINT dossiers_province_id_key UNIQUE USING INDEX dossiers_province_id_key;

-- dossier_papers ------------------------------------------------------------------------------
ALTER TABLE dossier_papers ADD COLUMN province_code text;
UPDATE dossier_papers p SET province_code = d.province_code FROM dossiers d WHERE d.id = p.dossier_id;
ALTER TABLE dossier_papers ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE dossier_papers ADD CONSTRAINT dossier_papers_province_dossier_fkey
  FOREIGN KEY (province_code, dossier_id) REFERENCES dossiers (province_code, id);
CREATE TRIGGER dossier_papers_province BEFORE INSERT ON dossier_papers FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('dossier_id', 'SELECT province_code FROM dossiers WHERE id = $1::bigint');

-- dossier_escalations -------------------------------------------------------------------------
ALTER TABLE dossier_escalations ADD COLUMN province_code text;
UPDATE dossier_escalations e SET province_code = d.province_code FROM dossiers d WHERE d.id = e.dossier_id;
ALTER TABLE dossier_escalations ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE dossier_escalations ADD CONSTRAINT dossier_escalations_province_dossier_fkey
  FOREIGN KEY (province_code, dossier_id) REFERENCES dossiers (province_code, id);
CREATE TRIGGER dossier_escalations_province BEFORE INSERT ON dossier_escalations FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('dossier_id', 'SELECT province_code FROM dossiers WHERE id = $1::bigint');

-- certified_copies ----------------------------------------------------------------------------
ALTER TABLE certified_copies ADD COLUMN province_code text;
UPDATE certified_copies c SET province_code = d.province_code FROM dossiers d WHERE d.id = c.dossier_id;
ALTER TABLE certified_copies ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE certified_copies ADD CONSTRAINT certified_copies_province_dossier_fkey
  FOREIGN KEY (province_code, dossier_id) REFERENCES dossiers (province_code, id);
CREATE TRIGGER certified_copies_province BEFORE INSERT ON certified_copies FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('dossier_id', 'SELECT province_code FROM dossiers WHERE id = $1::bigint');

-- store_documents (a citizen's stored paper, from the dossier it came with) --------------------
ALTER TABLE store_documents ADD COLUMN province_code text;
UPDATE store_documents s SET province_code = d.province_code FROM dossiers d WHERE d.id = s.source_dossier_id;
ALTER TABLE store_documents ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE store_documents ADD CONSTRAINT store_documents_province_dossier_fkey
  FOREIGN KEY (province_code, source_dossier_id) REFERENCES dossiers (province_code, id);
CREATE TRIGGER store_documents_province BEFORE INSERT ON store_documents FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('source_dossier_id', 'SELECT province_code FROM dossiers WHERE id = $1::bigint');

-- sync_outbox (no foreign key today: the event's transaction writes it; none is added) ----------
ALTER TABLE sync_outbox ADD COLUMN province_code text;
UPDATE sync_outbox o SET province_code = d.province_code FROM dossiers d WHERE d.id = o.dossier_id;
ALTER TABLE sync_outbox ALTER COLUMN province_code SET NOT NULL;
CREATE TRIGGER sync_outbox_province BEFORE INSERT ON sync_outbox FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('dossier_id', 'SELECT province_code FROM dossiers WHERE id = $1::bigint');

-- bundles and their members -------------------------------------------------------------------
ALTER TABLE bundles ADD COLUMN province_code text;
UPDATE bundles b SET province_code = a.province_code FROM agencies a WHERE a.id = b.receiving_agency_id;
ALTER TABLE bundles ALTER COLUMN province_code SET NOT NULL;
CREATE UNIQUE INDEX bundles_province_id_key ON bundles (province_code, id);
CREATE TRIGGER bundles_province BEFORE INSERT ON bundles FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('receiving_agency_id', 'SELECT province_code FROM agencies WHERE id = $1::bigint');

ALTER TABLE bundle_members ADD COLUMN province_code text;
UPDATE bundle_members m SET province_code = d.province_code FROM dossiers d WHERE d.id = m.dossier_id;
ALTER TABLE bundle_members ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE bundle_members ADD CONSTRAINT bundle_members_province_bundle_fkey
  FOREIGN KEY (province_code, bundle_id) REFERENCES bundles (province_code, id);
CREATE TRIGGER bundle_members_province BEFORE INSERT ON bundle_members FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('dossier_id', 'SELECT province_code FROM dossiers WHERE id = $1::bigint',
                                             'bundle_id', 'SELECT province_code FROM bundles WHERE id = $1::bigint');
