-- The sharding key (issue 16 §5), continued: the postal chain and the money tables. Each takes
-- the province of its parent (a shipment carries one since 0130; a point or agency is in one).
-- Backfill, then NOT NULL; the BEFORE INSERT trigger of 0200 fills rows whose writer left it out.

CREATE UNIQUE INDEX postal_shipments_province_id_key ON postal_shipments (province_code, id);
ALTER TABLE postal_shipments ADD CONSTRAINT postal_shipments_province_id_key UNIQUE USING INDEX postal_shipments_province_id_key;

-- postal_legs ---------------------------------------------------------------------------------
ALTER TABLE postal_legs ADD COLUMN province_code text;
UPDATE postal_legs l SET province_code = s.province_code FROM postal_shipments s WHERE s.id = l.shipment_id;
ALTER TABLE postal_legs ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE postal_legs ADD CONSTRAINT postal_legs_province_shipment_fkey
  FOREIGN KEY (province_code, shipment_id) REFERENCES postal_shipments (province_code, id);
CREATE UNIQUE INDEX postal_legs_province_id_key ON postal_legs (province_code, id);
ALTER TABLE postal_legs ADD CONSTRAINT postal_legs_province_id_key UNIQUE USING INDEX postal_legs_province_id_key;
CREATE TRIGGER postal_legs_province BEFORE INSERT ON postal_legs FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('shipment_id', 'SELECT province_code FROM postal_shipments WHERE id = $1::bigint');

-- postal_leg_events ---------------------------------------------------------------------------
ALTER TABLE postal_leg_events ADD COLUMN province_code text;
-- the trail is append-only (forbid_change): the backfill is the one update it ever takes, inside this migration
ALTER TABLE postal_leg_events DISABLE TRIGGER postal_leg_events_append_only;
UPDATE postal_leg_events e SET province_code = l.province_code FROM postal_legs l WHERE l.id = e.leg_id;
ALTER TABLE postal_leg_events ENABLE TRIGGER postal_leg_events_append_only;
ALTER TABLE postal_leg_events ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE postal_leg_events ADD CONSTRAINT postal_leg_events_province_leg_fkey
  FOREIGN KEY (province_code, leg_id) REFERENCES postal_legs (province_code, id);
CREATE TRIGGER postal_leg_events_province BEFORE INSERT ON postal_leg_events FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('leg_id', 'SELECT province_code FROM postal_legs WHERE id = $1::bigint');

-- postal_handover_records (the signed record of a point's courier at an agency) ----------------
ALTER TABLE postal_handover_records ADD COLUMN province_code text;
UPDATE postal_handover_records r SET province_code = p.province_code FROM service_points p WHERE p.id = r.service_point_id;
ALTER TABLE postal_handover_records ALTER COLUMN province_code SET NOT NULL;
CREATE UNIQUE INDEX postal_handover_records_province_id_key ON postal_handover_records (province_code, id);
ALTER TABLE postal_handover_records ADD CONSTRAINT postal_handover_records_province_id_key UNIQUE USING INDEX postal_handover_records_province_id_key;
CREATE TRIGGER postal_handover_records_province BEFORE INSERT ON postal_handover_records FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('service_point_id', 'SELECT province_code FROM service_points WHERE id = $1::bigint');

-- postal_handover_items -----------------------------------------------------------------------
ALTER TABLE postal_handover_items ADD COLUMN province_code text;
UPDATE postal_handover_items i SET province_code = s.province_code FROM postal_shipments s WHERE s.id = i.shipment_id;
ALTER TABLE postal_handover_items ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE postal_handover_items ADD CONSTRAINT postal_handover_items_province_record_fkey
  FOREIGN KEY (province_code, record_id) REFERENCES postal_handover_records (province_code, id);
ALTER TABLE postal_handover_items ADD CONSTRAINT postal_handover_items_province_shipment_fkey
  FOREIGN KEY (province_code, shipment_id) REFERENCES postal_shipments (province_code, id);
CREATE TRIGGER postal_handover_items_province BEFORE INSERT ON postal_handover_items FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('shipment_id', 'SELECT province_code FROM postal_shipments WHERE id = $1::bigint');

-- postal_remittances --------------------------------------------------------------------------
ALTER TABLE postal_remittances ADD COLUMN province_code text;
UPDATE postal_remittances m SET province_code = r.province_code FROM postal_handover_records r WHERE r.id = m.record_id;
ALTER TABLE postal_remittances ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE postal_remittances ADD CONSTRAINT postal_remittances_province_record_fkey
  FOREIGN KEY (province_code, record_id) REFERENCES postal_handover_records (province_code, id);
CREATE TRIGGER postal_remittances_province BEFORE INSERT ON postal_remittances FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('record_id', 'SELECT province_code FROM postal_handover_records WHERE id = $1::bigint');

-- postal_incidents ----------------------------------------------------------------------------
ALTER TABLE postal_incidents ADD COLUMN province_code text;
UPDATE postal_incidents i SET province_code = s.province_code FROM postal_shipments s WHERE s.id = i.shipment_id;
ALTER TABLE postal_incidents ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE postal_incidents ADD CONSTRAINT postal_incidents_province_shipment_fkey
  FOREIGN KEY (province_code, shipment_id) REFERENCES postal_shipments (province_code, id);
CREATE TRIGGER postal_incidents_province BEFORE INSERT ON postal_incidents FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('shipment_id', 'SELECT province_code FROM postal_shipments WHERE id = $1::bigint');

-- receipts: a counter's or courier's point, else (online, 0160) the unit paid for, else its dossier
-- or shipment. The online series' number stays unique across the country (receipts_online_number_idx):
-- under Citus that unique key needs the province (docs/scale.md, "keys that change meaning").
ALTER TABLE receipts ADD COLUMN province_code text;
UPDATE receipts r SET province_code = p.province_code FROM service_points p WHERE p.id = r.service_point_id;
UPDATE receipts r SET province_code = u.province_code FROM admin_units u
  WHERE r.province_code IS NULL AND u.path = r.unit_path;
UPDATE receipts r SET province_code = d.province_code FROM dossiers d
  WHERE r.province_code IS NULL AND d.code = r.dossier_code;
UPDATE receipts r SET province_code = s.province_code FROM postal_shipments s
  WHERE r.province_code IS NULL AND s.id = r.shipment_id;
-- an online draft's order paid before its place was chosen: the procedure's province
UPDATE receipts r SET province_code = (SELECT p.province_code FROM payment_orders o JOIN procedures p ON p.code = o.procedure_code
  WHERE o.id = r.payment_order_id ORDER BY p.effective_from DESC LIMIT 1) WHERE r.province_code IS NULL;
ALTER TABLE receipts ALTER COLUMN province_code SET NOT NULL;
CREATE UNIQUE INDEX receipts_province_id_key ON receipts (province_code, id);
ALTER TABLE receipts ADD CONSTRAINT receipts_province_id_key UNIQUE USING INDEX receipts_province_id_key;
CREATE TRIGGER receipts_province BEFORE INSERT ON receipts FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent(
    'service_point_id', 'SELECT province_code FROM service_points WHERE id = $1::bigint',
    'unit_path', 'SELECT province_code FROM admin_units WHERE path = $1 LIMIT 1',
    'dossier_code', 'SELECT province_code FROM dossiers WHERE code = $1',
    'shipment_id', 'SELECT province_code FROM postal_shipments WHERE id = $1::bigint',
    'payment_order_id', 'SELECT province_code FROM payment_orders WHERE id = $1::bigint');

-- receipt_refunds -----------------------------------------------------------------------------
ALTER TABLE receipt_refunds ADD COLUMN province_code text;
UPDATE receipt_refunds f SET province_code = r.province_code FROM receipts r WHERE r.id = f.receipt_id;
ALTER TABLE receipt_refunds ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE receipt_refunds ADD CONSTRAINT receipt_refunds_province_receipt_fkey
  FOREIGN KEY (province_code, receipt_id) REFERENCES receipts (province_code, id);
CREATE TRIGGER receipt_refunds_province BEFORE INSERT ON receipt_refunds FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('receipt_id', 'SELECT province_code FROM receipts WHERE id = $1::bigint');

-- cash_shifts (a clerk's cash drawer at a point) -----------------------------------------------
ALTER TABLE cash_shifts ADD COLUMN province_code text;
UPDATE cash_shifts c SET province_code = p.province_code FROM service_points p WHERE p.id = c.service_point_id;
ALTER TABLE cash_shifts ALTER COLUMN province_code SET NOT NULL;
CREATE TRIGGER cash_shifts_province BEFORE INSERT ON cash_shifts FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('service_point_id', 'SELECT province_code FROM service_points WHERE id = $1::bigint');
