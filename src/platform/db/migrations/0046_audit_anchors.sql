-- Issue 10 §7: one signed anchor per day (Vietnam time) of the event log: the heads of the chains
-- that moved that day folded into a digest chained to the previous day's, signed with an Ed25519
-- key kept outside the database (src/dossiers/anchors.ts). Append-only like dossier_events.
CREATE TABLE audit_anchors (
  day          date PRIMARY KEY,
  heads        integer NOT NULL CHECK (heads >= 0),
  prev_digest  text NOT NULL,
  digest       text NOT NULL,
  key_id       text NOT NULL,
  public_key   text NOT NULL,
  signature    text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
