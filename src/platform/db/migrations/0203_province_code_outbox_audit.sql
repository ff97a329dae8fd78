-- The sharding key (issue 16 §5), continued: the notifications' outbox and the administrative
-- audit trail, written from many places (every capability records audit entries; dossiers,
-- appointments, postal, identity and supervision queue messages). A row about no province — a
-- citizen's account message, a national administrator's or a citizen's own act, the gateway's
-- callback about nothing known — belongs to the national bucket '00', a code no province has (GSO
-- province codes are 01–96): under Citus it is one more tenant (docs/scale.md, "Citus: the table map").

-- outbox: a dossier's message takes the dossier's province (the intake and the dossier actions set
-- it themselves); the others are found from the facts they carry.
ALTER TABLE outbox ADD COLUMN province_code text;
CREATE FUNCTION outbox_province(kind text, payload jsonb, source_id bigint) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT province_code FROM dossiers WHERE code = payload ->> 'code'),
    (SELECT province_code FROM dossiers WHERE code = payload ->> 'dossierCode'),
    (SELECT province_code FROM outbox WHERE id = source_id),
    (SELECT province_code FROM postal_legs WHERE tracking_number = payload ->> 'trackingNumber'),
    (SELECT province_code FROM bookings WHERE payload ->> 'reference' LIKE 'booking:%' AND code = substr(payload ->> 'reference', 9)),
    '00')
$$;

UPDATE outbox SET province_code = outbox_province(kind, payload, NULL) WHERE source_id IS NULL;
UPDATE outbox o SET province_code = s.province_code FROM outbox s WHERE o.source_id = s.id;
UPDATE outbox SET province_code = '00' WHERE province_code IS NULL;
ALTER TABLE outbox ALTER COLUMN province_code SET NOT NULL;

CREATE FUNCTION outbox_fill_province() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := outbox_province(NEW.kind, NEW.payload, NEW.source_id);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER outbox_province BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_fill_province();

-- audit_log: the acting user's scope (a point's, an agency's or a unit's province); '00' for a
-- citizen, a national account or no actor (the gateway, jobs).
ALTER TABLE audit_log ADD COLUMN province_code text;
CREATE FUNCTION audit_actor_province(actor bigint) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT coalesce(p.province_code, a.province_code, u.province_code)
       FROM users x
       LEFT JOIN service_points p ON p.id = x.scope_service_point_id
       LEFT JOIN agencies a ON a.id = x.scope_agency_id
       LEFT JOIN admin_units u ON u.id = x.scope_unit_id
      WHERE x.id = actor),
    '00')
$$;

-- the trail is append-only (forbid_change): the backfill is the one update it ever takes, inside this migration
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET province_code = audit_actor_province(actor_id);
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ALTER COLUMN province_code SET NOT NULL;

CREATE FUNCTION audit_log_fill_province() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := audit_actor_province(NEW.actor_id);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_province BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_fill_province();
