-- One row naming this database for the life of its data: a random id made when the schema is
-- created, kept by backup and restore, never changed (append-only: the server's role cannot
-- update or delete it). The anchor key's record of the last anchor it signed is kept per
-- installation (src/dossiers/anchor-key.ts), so one key can anchor several databases — a fresh
-- demo folder, a second province — while a database whose anchors were deleted is still refused.
CREATE TABLE installation (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  singleton   boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO installation DEFAULT VALUES;
CREATE TRIGGER installation_append_only BEFORE UPDATE OR DELETE ON installation
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER installation_no_truncate BEFORE TRUNCATE ON installation
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
