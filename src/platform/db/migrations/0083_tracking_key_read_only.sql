-- The tracking secret (0051) is made once with the schema and never changes: a changed secret
-- would change every dossier's PIN, so that the PINs printed on receipts and sent by SMS stop
-- working. Append-only like the event log: the server's role may read it, never update or delete
-- it (src/platform/db/roles.ts revokes UPDATE and DELETE on every table with these triggers).
CREATE TRIGGER tracking_key_append_only BEFORE UPDATE OR DELETE ON tracking_key
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER tracking_key_no_truncate BEFORE TRUNCATE ON tracking_key
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
