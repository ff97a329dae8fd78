-- Issue 13 §1 / issue 17 ("one way of doing things"): a postal signature's PNG lives in the documents
-- capability's file store (`files`, sha-256 addressed) like every other file; `postal_signatures`
-- keeps who signed and when, and the file it is. The bytes of rows signed before this migration are
-- moved into the file store by the job `postal.signatureMove` (src/postal/signature-move.ts, at
-- start); a SQL migration cannot write to the file store (a folder or S3). Once every row has its
-- file (`png IS NULL` everywhere), a later migration drops the `png` column.
ALTER TABLE postal_signatures ADD COLUMN file_id bigint REFERENCES files (id);
ALTER TABLE postal_signatures ALTER COLUMN png DROP NOT NULL;
ALTER TABLE postal_signatures ADD CONSTRAINT postal_signatures_png_or_file CHECK (png IS NOT NULL OR file_id IS NOT NULL);
CREATE INDEX postal_signatures_file ON postal_signatures (file_id) WHERE file_id IS NOT NULL;
CREATE INDEX postal_signatures_to_move ON postal_signatures (id) WHERE png IS NOT NULL;
