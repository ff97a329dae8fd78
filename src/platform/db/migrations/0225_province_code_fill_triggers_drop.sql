-- The sharding key (issue 16 §5), step 3 of docs/scale.md "Steps to Citus": every writer now sets
-- `province_code` itself (the intake statement, the dossier actions, the postal chain, the money
-- tables, the serial counters, the notifications' outbox, the audit trail: src/platform/audit-log.ts
-- takes the actor's scope's province), so the BEFORE INSERT triggers of 0200–0203 that filled a
-- missing one from the parent row go. They cost ~5× a row when they fired (to_jsonb and a dynamic
-- EXECUTE per row), and under Citus a trigger on a shard cannot read a distributed parent.
-- What stays: NOT NULL (a writer that forgets the key fails with 23502, never lands outside its
-- province) and the composite foreign keys (province_code, parent_id) (a wrong key fails with 23503).

DROP TRIGGER dossier_papers_province ON dossier_papers;
DROP TRIGGER dossier_escalations_province ON dossier_escalations;
DROP TRIGGER certified_copies_province ON certified_copies;
DROP TRIGGER store_documents_province ON store_documents;
DROP TRIGGER sync_outbox_province ON sync_outbox;
DROP TRIGGER bundles_province ON bundles;
DROP TRIGGER bundle_members_province ON bundle_members;
DROP TRIGGER postal_legs_province ON postal_legs;
DROP TRIGGER postal_leg_events_province ON postal_leg_events;
DROP TRIGGER postal_handover_records_province ON postal_handover_records;
DROP TRIGGER postal_handover_items_province ON postal_handover_items;
DROP TRIGGER postal_remittances_province ON postal_remittances;
DROP TRIGGER postal_incidents_province ON postal_incidents;
DROP TRIGGER receipts_province ON receipts;
DROP TRIGGER receipt_refunds_province ON receipt_refunds;
DROP TRIGGER cash_shifts_province ON cash_shifts;
DROP TRIGGER dossier_serials_province ON dossier_serials;
DROP TRIGGER register_serials_province ON register_serials;
DROP TRIGGER payment_orders_province ON payment_orders;
DROP TRIGGER payment_duplicate_refunds_province ON payment_duplicate_refunds;
DROP TRIGGER outbox_province ON outbox;
DROP TRIGGER audit_log_province ON audit_log;

DROP FUNCTION province_code_from_parent();
DROP FUNCTION payment_orders_fill_province();
DROP FUNCTION payment_order_province(payment_orders);
DROP FUNCTION outbox_fill_province();
DROP FUNCTION outbox_province(text, jsonb, bigint);
DROP FUNCTION audit_log_fill_province();
DROP FUNCTION audit_actor_province(bigint);
