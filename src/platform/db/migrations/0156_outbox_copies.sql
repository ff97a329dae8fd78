-- The mail copy of an applicant's message (issue 15 §2: the citizen gets each message by SMS and,
-- where the account has an e-mail, by mail): the delivery queues one `mail.applicant` row per
-- applicant message whose dossier has an e-mail (src/notifications/delivery.ts). `source_id` is
-- the message it copies; the unique index makes the copy once however often the message is retried.
ALTER TABLE outbox ADD COLUMN source_id bigint;
CREATE UNIQUE INDEX outbox_copy_once ON outbox (source_id, kind) WHERE source_id IS NOT NULL;
