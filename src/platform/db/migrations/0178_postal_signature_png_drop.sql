-- Issue 13 §1: a postal signature's PNG is a file of the one file store since migration 0175, and
-- `postal_signatures.png` goes. Rows whose bytes the job `postal.signatureMove` has not moved yet
-- (an installation upgraded past 0175 without starting in between, or bytes the store refused) keep
-- them in `postal_signature_legacy_png` until the job moves them (src/postal/signature-move.ts); the
-- signature views read them there meanwhile. A SQL migration cannot write to the file store itself.
-- Numbered after 0175, which alters `png`: a lower number would run first on a new database.
CREATE TABLE postal_signature_legacy_png (
  signature_id bigint PRIMARY KEY REFERENCES postal_signatures (id) ON DELETE CASCADE,
  png          bytea NOT NULL
);
INSERT INTO postal_signature_legacy_png (signature_id, png)
  SELECT id, png FROM postal_signatures WHERE png IS NOT NULL AND file_id IS NULL;
-- also drops the constraint postal_signatures_png_or_file and the index postal_signatures_to_move
ALTER TABLE postal_signatures DROP COLUMN png;
