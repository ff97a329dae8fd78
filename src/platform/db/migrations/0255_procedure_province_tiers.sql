-- The procedure tiers without the unit path (src/reports): month and year × province × procedure ×
-- channel. A whole province's or the whole country's breakdown by procedure (and the indicators'
-- online procedures) summed one row per commune of stats_monthly_procedure / stats_yearly_procedure
-- (at 3M dossiers, ~240,000 rows into 750 procedures); here it reads one row per province, procedure
-- and channel. Same metrics as the procedure tiers (reports/rollup.ts procedureMetrics), kept by the
-- same upsert in the same transaction (reports/store.ts), backfilled from the procedure tiers.
CREATE TABLE stats_monthly_procedure_province (
  month date NOT NULL,
  province_code text NOT NULL,
  procedure_id bigint NOT NULL,
  channel text NOT NULL,
  submitted integer NOT NULL DEFAULT 0, received integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0, resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0, resolved_late integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0, withdrawn integer NOT NULL DEFAULT 0,
  stopped integer NOT NULL DEFAULT 0, closed integer NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0, supplement_requests integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0, digitized integer NOT NULL DEFAULT 0,
  reused integer NOT NULL DEFAULT 0, store_linked integer NOT NULL DEFAULT 0,
  electronic_results integer NOT NULL DEFAULT 0, paid_online integer NOT NULL DEFAULT 0,
  ratings integer NOT NULL DEFAULT 0, rating_sum integer NOT NULL DEFAULT 0,
  dislikes integer NOT NULL DEFAULT 0, resolution_working_minutes bigint NOT NULL DEFAULT 0,
  due integer NOT NULL DEFAULT 0, due_settled integer NOT NULL DEFAULT 0,
  disliked_received integer NOT NULL DEFAULT 0, disliked_closed integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, month, procedure_id, channel)
);
INSERT INTO stats_monthly_procedure_province (month, province_code, procedure_id, channel,
  submitted, received, refused, resolved_early, resolved_on_time, resolved_late, rejected, withdrawn,
  stopped, closed, returned, supplement_requests, apologies, digitized, reused, store_linked,
  electronic_results, paid_online, ratings, rating_sum, dislikes, resolution_working_minutes, due,
  due_settled, disliked_received, disliked_closed)
SELECT month, province_code, procedure_id, channel,
  sum(submitted), sum(received), sum(refused), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(rejected), sum(withdrawn), sum(stopped), sum(closed), sum(returned),
  sum(supplement_requests), sum(apologies), sum(digitized), sum(reused), sum(store_linked),
  sum(electronic_results), sum(paid_online), sum(ratings), sum(rating_sum), sum(dislikes),
  sum(resolution_working_minutes), sum(due), sum(due_settled), sum(disliked_received),
  sum(disliked_closed)
  FROM stats_monthly_procedure
 GROUP BY 1, 2, 3, 4;
ANALYZE stats_monthly_procedure_province;

CREATE TABLE stats_yearly_procedure_province (
  year date NOT NULL,
  province_code text NOT NULL,
  procedure_id bigint NOT NULL,
  channel text NOT NULL,
  submitted integer NOT NULL DEFAULT 0, received integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0, resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0, resolved_late integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0, withdrawn integer NOT NULL DEFAULT 0,
  stopped integer NOT NULL DEFAULT 0, closed integer NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0, supplement_requests integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0, digitized integer NOT NULL DEFAULT 0,
  reused integer NOT NULL DEFAULT 0, store_linked integer NOT NULL DEFAULT 0,
  electronic_results integer NOT NULL DEFAULT 0, paid_online integer NOT NULL DEFAULT 0,
  ratings integer NOT NULL DEFAULT 0, rating_sum integer NOT NULL DEFAULT 0,
  dislikes integer NOT NULL DEFAULT 0, resolution_working_minutes bigint NOT NULL DEFAULT 0,
  due integer NOT NULL DEFAULT 0, due_settled integer NOT NULL DEFAULT 0,
  disliked_received integer NOT NULL DEFAULT 0, disliked_closed integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, year, procedure_id, channel)
);
INSERT INTO stats_yearly_procedure_province (year, province_code, procedure_id, channel,
  submitted, received, refused, resolved_early, resolved_on_time, resolved_late, rejected, withdrawn,
  stopped, closed, returned, supplement_requests, apologies, digitized, reused, store_linked,
  electronic_results, paid_online, ratings, rating_sum, dislikes, resolution_working_minutes, due,
  due_settled, disliked_received, disliked_closed)
SELECT year, province_code, procedure_id, channel,
  sum(submitted), sum(received), sum(refused), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(rejected), sum(withdrawn), sum(stopped), sum(closed), sum(returned),
  sum(supplement_requests), sum(apologies), sum(digitized), sum(reused), sum(store_linked),
  sum(electronic_results), sum(paid_online), sum(ratings), sum(rating_sum), sum(dislikes),
  sum(resolution_working_minutes), sum(due), sum(due_settled), sum(disliked_received),
  sum(disliked_closed)
  FROM stats_yearly_procedure
 GROUP BY 1, 2, 3, 4;
ANALYZE stats_yearly_procedure_province;
