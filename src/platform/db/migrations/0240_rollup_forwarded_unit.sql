-- A dossier is counted in the roll-ups under the unit and competent agency it has NOW (the one that
-- decides it; src/reports/rollup.ts movedDeltas). Before this, a dossier forwarded to another agency
-- or unit kept its acceptance (received and the papers' flags) under the key of its intake while its
-- close went under the new one: the old unit's open count (received − closed) stayed one too high and
-- the new one's went negative. This moves each such acceptance, on its receipt day (Vietnam time),
-- from the intake's key (the first event's competentAgencyId / unitPath) to the dossier's, in the
-- daily, monthly and procedure-month roll-ups. From now on the hook moves it at the forward.
CREATE TEMPORARY TABLE rollup_moves AS
WITH moved AS (
  SELECT d.province_code, (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
         e.payload->>'unitPath' AS old_unit_path, (e.payload->>'competentAgencyId')::bigint AS old_agency_id,
         d.unit_path, d.competent_agency_id::bigint AS agency_id, d.receiving_agency_id::bigint AS receiving_agency_id,
         d.procedure_id::bigint AS procedure_id, d.channel, coalesce(d.online_level, 'none') AS online_level,
         EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(e.payload->'papers') = 'array' THEN e.payload->'papers' ELSE '[]'::jsonb END) x
                 WHERE x->'digitized' = 'true'::jsonb AND jsonb_typeof(x->'fileId') = 'number') AS digitized,
         EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(e.payload->'papers') = 'array' THEN e.payload->'papers' ELSE '[]'::jsonb END) x
                 WHERE x->>'source' IN ('reused', 'prior_result', 'national_db')) AS reused,
         EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(e.payload->'papers') = 'array' THEN e.payload->'papers' ELSE '[]'::jsonb END) x
                 WHERE x->>'source' = 'national_db') AS store_linked,
         jsonb_typeof(e.payload->'bundle') = 'string' AS bundle_member,
         jsonb_typeof(e.payload->'bundle') = 'string' AND e.payload->'bundleFirst' = 'true'::jsonb AS bundle_first
  FROM dossiers d
  JOIN dossier_events e ON e.dossier_id = d.id AND e.seq = 1
  WHERE d.received_at IS NOT NULL
    -- an intake event that names no unit or agency (written before they were in the payload) was
    -- counted under the dossier's own key: nothing to move
    AND e.payload ? 'unitPath' AND e.payload ? 'competentAgencyId'
    AND ((e.payload->>'competentAgencyId')::bigint IS DISTINCT FROM d.competent_agency_id::bigint OR e.payload->>'unitPath' IS DISTINCT FROM d.unit_path)
), signed AS (
  SELECT province_code, day, old_unit_path AS unit_path, old_agency_id AS agency_id, receiving_agency_id, procedure_id, channel, online_level,
         -1 AS sign, digitized, reused, store_linked, bundle_member, bundle_first FROM moved
  UNION ALL
  SELECT province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
         1 AS sign, digitized, reused, store_linked, bundle_member, bundle_first FROM moved
)
SELECT province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
       sum(sign)::int AS received,
       sum(CASE WHEN digitized THEN sign ELSE 0 END)::int AS digitized,
       sum(CASE WHEN reused THEN sign ELSE 0 END)::int AS reused,
       sum(CASE WHEN store_linked THEN sign ELSE 0 END)::int AS store_linked,
       sum(CASE WHEN bundle_member THEN sign ELSE 0 END)::int AS bundle_members_received,
       sum(CASE WHEN bundle_first THEN sign ELSE 0 END)::int AS bundles_received
FROM signed
GROUP BY province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level;

INSERT INTO stats_daily (day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
                         received, digitized, reused, store_linked, bundle_members_received, bundles_received)
SELECT day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
       received, digitized, reused, store_linked, bundle_members_received, bundles_received
FROM rollup_moves
ON CONFLICT (province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level) DO UPDATE SET
  received = stats_daily.received + excluded.received, digitized = stats_daily.digitized + excluded.digitized,
  reused = stats_daily.reused + excluded.reused, store_linked = stats_daily.store_linked + excluded.store_linked,
  bundle_members_received = stats_daily.bundle_members_received + excluded.bundle_members_received,
  bundles_received = stats_daily.bundles_received + excluded.bundles_received;

INSERT INTO stats_monthly (month, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level,
                           received, digitized, reused, store_linked, bundle_members_received, bundles_received)
SELECT date_trunc('month', day)::date, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level,
       sum(received), sum(digitized), sum(reused), sum(store_linked), sum(bundle_members_received), sum(bundles_received)
FROM rollup_moves
GROUP BY date_trunc('month', day)::date, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level
ON CONFLICT (province_code, month, unit_path, agency_id, receiving_agency_id, channel, online_level) DO UPDATE SET
  received = stats_monthly.received + excluded.received, digitized = stats_monthly.digitized + excluded.digitized,
  reused = stats_monthly.reused + excluded.reused, store_linked = stats_monthly.store_linked + excluded.store_linked,
  bundle_members_received = stats_monthly.bundle_members_received + excluded.bundle_members_received,
  bundles_received = stats_monthly.bundles_received + excluded.bundles_received;

-- the procedure-month roll-up has no agency and no bundle counts (migration 0193)
INSERT INTO stats_monthly_procedure (month, province_code, unit_path, procedure_id, channel, received, digitized, reused, store_linked)
SELECT date_trunc('month', day)::date, province_code, unit_path, procedure_id, channel,
       sum(received), sum(digitized), sum(reused), sum(store_linked)
FROM rollup_moves
GROUP BY date_trunc('month', day)::date, province_code, unit_path, procedure_id, channel
ON CONFLICT (province_code, month, unit_path, procedure_id, channel) DO UPDATE SET
  received = stats_monthly_procedure.received + excluded.received, digitized = stats_monthly_procedure.digitized + excluded.digitized,
  reused = stats_monthly_procedure.reused + excluded.reused, store_linked = stats_monthly_procedure.store_linked + excluded.store_linked;

DROP TABLE rollup_moves;
