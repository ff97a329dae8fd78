-- One dossier's SMS leave in the order of its events (issue 9 §4): the outbox claim skips a row
-- while an earlier pending row of the same dossier exists; this index finds those rows.
CREATE INDEX outbox_pending_dossier_idx ON outbox ((payload->>'code'), id) WHERE processed_at IS NULL AND kind LIKE 'dossier.%';
