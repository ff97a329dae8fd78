-- Month totals by procedure (src/reports): the breakdown by procedure and the indicators' online
-- procedures read a long period from whole months here plus the edge days from stats_daily,
-- instead of every day of stats_daily (a province over four years was hundreds of thousands of
-- rows). Same metrics as stats_daily, kept by the same upsert in the same transaction (reports/store.ts).
CREATE TABLE stats_monthly_procedure (
  month          date   NOT NULL,                      -- first day of the month
  province_code  text   NOT NULL,
  unit_path      text   NOT NULL,
  procedure_id   bigint NOT NULL,
  channel        text   NOT NULL,
  submitted integer NOT NULL DEFAULT 0, received integer NOT NULL DEFAULT 0, refused integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0, resolved_on_time integer NOT NULL DEFAULT 0, resolved_late integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0, withdrawn integer NOT NULL DEFAULT 0, stopped integer NOT NULL DEFAULT 0,
  closed integer NOT NULL DEFAULT 0, returned integer NOT NULL DEFAULT 0, supplement_requests integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0, digitized integer NOT NULL DEFAULT 0, reused integer NOT NULL DEFAULT 0,
  store_linked integer NOT NULL DEFAULT 0, electronic_results integer NOT NULL DEFAULT 0, paid_online integer NOT NULL DEFAULT 0,
  ratings integer NOT NULL DEFAULT 0, rating_sum integer NOT NULL DEFAULT 0, dislikes integer NOT NULL DEFAULT 0,
  resolution_working_minutes bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, month, unit_path, procedure_id, channel)
);
CREATE INDEX stats_monthly_procedure_month_unit_idx ON stats_monthly_procedure (month, unit_path text_pattern_ops);

-- backfill from the daily roll-up (itself derived from the event log)
INSERT INTO stats_monthly_procedure (month, province_code, unit_path, procedure_id, channel,
  submitted, received, refused, resolved_early, resolved_on_time, resolved_late, rejected, withdrawn, stopped, closed,
  returned, supplement_requests, apologies, digitized, reused, store_linked, electronic_results, paid_online,
  ratings, rating_sum, dislikes, resolution_working_minutes)
SELECT date_trunc('month', day)::date, province_code, unit_path, procedure_id, channel,
  sum(submitted), sum(received), sum(refused), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(rejected),
  sum(withdrawn), sum(stopped), sum(closed), sum(returned), sum(supplement_requests), sum(apologies), sum(digitized), sum(reused),
  sum(store_linked), sum(electronic_results), sum(paid_online), sum(ratings), sum(rating_sum), sum(dislikes), sum(resolution_working_minutes)
  FROM stats_daily
 GROUP BY 1, 2, 3, 4, 5;
ANALYZE stats_monthly_procedure;
