-- Marks (src/reports/marks.ts): counts of each dossier's state on the day the state names, kept
-- by the roll-up hook as marks(after) − marks(before) of every event, so that the indicators'
-- "open and past due at the end of the period" and "disliked dossiers of the 2.1 base" are sums
-- of roll-ups instead of scans of the dossiers table. Backfilled from the dossier rows (the
-- roll-up always holds the marks of the current rows).

ALTER TABLE stats_daily ADD COLUMN due integer NOT NULL DEFAULT 0, ADD COLUMN due_settled integer NOT NULL DEFAULT 0, ADD COLUMN disliked_received integer NOT NULL DEFAULT 0, ADD COLUMN disliked_closed integer NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly ADD COLUMN due integer NOT NULL DEFAULT 0, ADD COLUMN due_settled integer NOT NULL DEFAULT 0, ADD COLUMN disliked_received integer NOT NULL DEFAULT 0, ADD COLUMN disliked_closed integer NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly_procedure ADD COLUMN due integer NOT NULL DEFAULT 0, ADD COLUMN due_settled integer NOT NULL DEFAULT 0, ADD COLUMN disliked_received integer NOT NULL DEFAULT 0, ADD COLUMN disliked_closed integer NOT NULL DEFAULT 0;

CREATE TEMP TABLE report_marks ON COMMIT DROP AS
WITH d AS (
  SELECT province_code, unit_path, competent_agency_id AS agency_id, receiving_agency_id, procedure_id, channel,
         coalesce(online_level, 'none') AS online_level, received_at, finished_at,
         coalesce(original_due_at, due_at) AS due, rating_stars IS NOT NULL AND rating_stars <= 2 AS disliked
    FROM dossiers WHERE received_at IS NOT NULL
)
SELECT ((due AT TIME ZONE 'UTC') + interval '7 hours')::date AS day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
       1 AS due, 0 AS due_settled, 0 AS disliked_received, 0 AS disliked_closed FROM d WHERE due IS NOT NULL
UNION ALL
SELECT ((greatest(due, finished_at) AT TIME ZONE 'UTC') + interval '7 hours')::date, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
       0, 1, 0, 0 FROM d WHERE due IS NOT NULL AND finished_at IS NOT NULL
UNION ALL
SELECT ((received_at AT TIME ZONE 'UTC') + interval '7 hours')::date, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
       0, 0, 1, 0 FROM d WHERE disliked
UNION ALL
SELECT ((finished_at AT TIME ZONE 'UTC') + interval '7 hours')::date, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level,
       0, 0, 0, 1 FROM d WHERE disliked AND finished_at IS NOT NULL;

INSERT INTO stats_daily (day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level, due, due_settled, disliked_received, disliked_closed)
SELECT day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level, sum(due), sum(due_settled), sum(disliked_received), sum(disliked_closed) FROM report_marks GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT (province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level) DO UPDATE SET due = stats_daily.due + excluded.due, due_settled = stats_daily.due_settled + excluded.due_settled, disliked_received = stats_daily.disliked_received + excluded.disliked_received, disliked_closed = stats_daily.disliked_closed + excluded.disliked_closed;
INSERT INTO stats_monthly (month, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level, due, due_settled, disliked_received, disliked_closed)
SELECT date_trunc('month', day)::date, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level, sum(due), sum(due_settled), sum(disliked_received), sum(disliked_closed) FROM report_marks GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (province_code, month, unit_path, agency_id, receiving_agency_id, channel, online_level) DO UPDATE SET due = stats_monthly.due + excluded.due, due_settled = stats_monthly.due_settled + excluded.due_settled, disliked_received = stats_monthly.disliked_received + excluded.disliked_received, disliked_closed = stats_monthly.disliked_closed + excluded.disliked_closed;
INSERT INTO stats_monthly_procedure (month, province_code, unit_path, procedure_id, channel, due, due_settled, disliked_received, disliked_closed)
SELECT date_trunc('month', day)::date, province_code, unit_path, procedure_id, channel, sum(due), sum(due_settled), sum(disliked_received), sum(disliked_closed) FROM report_marks GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (province_code, month, unit_path, procedure_id, channel) DO UPDATE SET due = stats_monthly_procedure.due + excluded.due, due_settled = stats_monthly_procedure.due_settled + excluded.due_settled, disliked_received = stats_monthly_procedure.disliked_received + excluded.disliked_received, disliked_closed = stats_monthly_procedure.disliked_closed + excluded.disliked_closed;
