-- The sharding key (issue 16 §5), continued: the serial counters an intake or a record takes its
-- number from (under Citus they must sit on the shard of the rows they number, so that an intake
-- stays a one-shard transaction) and the online payment orders with their duplicate refunds.

-- dossier_serials (agency × day): the intake statement sets it from the dossier's province -------
ALTER TABLE dossier_serials ADD COLUMN province_code text;
UPDATE dossier_serials s SET province_code = a.province_code FROM agencies a WHERE a.id = s.agency_id;
ALTER TABLE dossier_serials ALTER COLUMN province_code SET NOT NULL;
CREATE TRIGGER dossier_serials_province BEFORE INSERT ON dossier_serials FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('agency_id', 'SELECT province_code FROM agencies WHERE id = $1::bigint');

-- register_serials (point × year × register: ledgers, handover records, compensations) ----------
ALTER TABLE register_serials ADD COLUMN province_code text;
UPDATE register_serials s SET province_code = p.province_code FROM service_points p WHERE p.id = s.service_point_id;
ALTER TABLE register_serials ALTER COLUMN province_code SET NOT NULL;
CREATE TRIGGER register_serials_province BEFORE INSERT ON register_serials FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('service_point_id', 'SELECT province_code FROM service_points WHERE id = $1::bigint');

-- payment_orders: the unit paid for, else the dossier or shipment paid, else the procedure's
-- province (an online draft's order before its place is chosen: every procedure belongs to one).
ALTER TABLE payment_orders ADD COLUMN province_code text;
UPDATE payment_orders o SET province_code = u.province_code FROM admin_units u WHERE u.path = o.unit_path;
UPDATE payment_orders o SET province_code = d.province_code FROM dossiers d
  WHERE o.province_code IS NULL AND o.subject_kind = 'dossier' AND d.code = o.subject_id;
UPDATE payment_orders o SET province_code = s.province_code FROM postal_shipments s
  WHERE o.province_code IS NULL AND o.subject_kind = 'shipment' AND s.id::text = o.subject_id;
UPDATE payment_orders o SET province_code = (SELECT p.province_code FROM procedures p WHERE p.code = o.procedure_code ORDER BY p.effective_from DESC LIMIT 1)
  WHERE o.province_code IS NULL;
ALTER TABLE payment_orders ALTER COLUMN province_code SET NOT NULL;
CREATE UNIQUE INDEX payment_orders_province_id_key ON payment_orders (province_code, id);
ALTER TABLE payment_orders ADD CONSTRAINT payment_orders_province_id_key UNIQUE USING INDEX payment_orders_province_id_key;
CREATE FUNCTION payment_order_province(o payment_orders) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT province_code FROM admin_units WHERE path = o.unit_path LIMIT 1),
    (SELECT province_code FROM dossiers WHERE o.subject_kind = 'dossier' AND code = o.subject_id),
    (SELECT province_code FROM postal_shipments WHERE o.subject_kind = 'shipment' AND o.subject_id ~ '^[0-9]+$' AND id = o.subject_id::bigint),
    (SELECT province_code FROM procedures WHERE code = o.procedure_code ORDER BY effective_from DESC LIMIT 1))
$$;
CREATE FUNCTION payment_orders_fill_province() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := payment_order_province(NEW);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_orders_province BEFORE INSERT ON payment_orders FOR EACH ROW
  EXECUTE FUNCTION payment_orders_fill_province();

-- payment_duplicate_refunds -------------------------------------------------------------------
ALTER TABLE payment_duplicate_refunds ADD COLUMN province_code text;
UPDATE payment_duplicate_refunds r SET province_code = o.province_code FROM payment_orders o WHERE o.id = r.order_id;
ALTER TABLE payment_duplicate_refunds ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE payment_duplicate_refunds ADD CONSTRAINT payment_duplicate_refunds_province_order_fkey
  FOREIGN KEY (province_code, order_id) REFERENCES payment_orders (province_code, id);
CREATE TRIGGER payment_duplicate_refunds_province BEFORE INSERT ON payment_duplicate_refunds FOR EACH ROW
  EXECUTE FUNCTION province_code_from_parent('order_id', 'SELECT province_code FROM payment_orders WHERE id = $1::bigint');
