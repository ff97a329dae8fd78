-- Search that scales (issue 16 §2, docs/scale.md). The name filter compared search_key(applicant_name)
-- row by row: unaccent() for every row a scope walk reads, most of the time of a search for a common
-- name ("nguyen van"). The key is now stored beside the name, kept by a trigger on every insert and
-- update (whatever the statement sets, the trigger recomputes it: the dossiers' own code never
-- writes it), and the trigram index moves onto the stored column.
ALTER TABLE dossiers ADD COLUMN applicant_name_key text;
UPDATE dossiers SET applicant_name_key = search_key(applicant_name);
ALTER TABLE dossiers ALTER COLUMN applicant_name_key SET NOT NULL;

CREATE FUNCTION dossiers_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.applicant_name_key := search_key(NEW.applicant_name);
  RETURN NEW;
END $$;
CREATE TRIGGER dossiers_name_key BEFORE INSERT OR UPDATE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossiers_name_key();

-- rare names and parts of names: trigram index on the stored key (replaces the expression index of 0006)
CREATE INDEX dossiers_name_key_trgm ON dossiers USING gin (applicant_name_key gin_trgm_ops);
DROP INDEX dossiers_name_trgm;
