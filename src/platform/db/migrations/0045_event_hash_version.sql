-- Issue 10 §5: the event hash covers every stored column (version 2 adds the actor's role, see
-- src/dossiers/event-hash.ts). Each event records the definition its hash follows; events written
-- before this migration keep version 1 and stay verifiable under it. No default afterwards: every
-- writer states the version it hashed with.
ALTER TABLE dossier_events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE dossier_events ALTER COLUMN hash_version DROP DEFAULT;
