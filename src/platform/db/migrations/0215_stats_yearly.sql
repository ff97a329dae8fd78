-- Year totals (src/reports): a long period reads its whole years here, its whole months from
-- stats_monthly / stats_monthly_procedure and only the days at its edges from stats_daily, so a
-- four-year dashboard read sums a few hundred rows instead of every month of every combination,
-- and "open at a date" (Σ received − Σ closed since the start) reads one row per year and key.
-- Same keys as the month tables with the year (its first day) for the month, the same metrics,
-- kept by the same upsert in the same transaction (reports/store.ts), backfilled from the months.
CREATE TABLE stats_yearly (LIKE stats_monthly INCLUDING DEFAULTS);
ALTER TABLE stats_yearly RENAME COLUMN month TO year; -- first day of the year
ALTER TABLE stats_yearly ADD PRIMARY KEY (province_code, year, unit_path, agency_id, receiving_agency_id, channel, online_level);
CREATE INDEX stats_yearly_year_unit_idx ON stats_yearly (year, unit_path text_pattern_ops);

CREATE TABLE stats_yearly_procedure (LIKE stats_monthly_procedure INCLUDING DEFAULTS);
ALTER TABLE stats_yearly_procedure RENAME COLUMN month TO year;
ALTER TABLE stats_yearly_procedure ADD PRIMARY KEY (province_code, year, unit_path, procedure_id, channel);
CREATE INDEX stats_yearly_procedure_year_unit_idx ON stats_yearly_procedure (year, unit_path text_pattern_ops);

INSERT INTO stats_yearly (year, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level,
  submitted, received, refused, resolved_early, resolved_on_time, resolved_late, rejected, withdrawn,
  stopped, closed, returned, supplement_requests, apologies, digitized, reused, store_linked,
  electronic_results, paid_online, ratings, rating_sum, dislikes, resolution_working_minutes, due,
  due_settled, disliked_received, disliked_closed, bundles_received, bundle_members_received,
  bundle_members_resolved_on_time, bundle_members_resolved_late)
SELECT date_trunc('year', month)::date, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level,
  sum(submitted), sum(received), sum(refused), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(rejected), sum(withdrawn), sum(stopped), sum(closed), sum(returned),
  sum(supplement_requests), sum(apologies), sum(digitized), sum(reused), sum(store_linked),
  sum(electronic_results), sum(paid_online), sum(ratings), sum(rating_sum), sum(dislikes),
  sum(resolution_working_minutes), sum(due), sum(due_settled), sum(disliked_received), sum(disliked_closed),
  sum(bundles_received), sum(bundle_members_received), sum(bundle_members_resolved_on_time),
  sum(bundle_members_resolved_late)
  FROM stats_monthly
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO stats_yearly_procedure (year, province_code, unit_path, procedure_id, channel,
  submitted, received, refused, resolved_early, resolved_on_time, resolved_late, rejected, withdrawn,
  stopped, closed, returned, supplement_requests, apologies, digitized, reused, store_linked,
  electronic_results, paid_online, ratings, rating_sum, dislikes, resolution_working_minutes, due,
  due_settled, disliked_received, disliked_closed)
SELECT date_trunc('year', month)::date, province_code, unit_path, procedure_id, channel,
  sum(submitted), sum(received), sum(refused), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(rejected), sum(withdrawn), sum(stopped), sum(closed), sum(returned),
  sum(supplement_requests), sum(apologies), sum(digitized), sum(reused), sum(store_linked),
  sum(electronic_results), sum(paid_online), sum(ratings), sum(rating_sum), sum(dislikes),
  sum(resolution_working_minutes), sum(due), sum(due_settled), sum(disliked_received), sum(disliked_closed)
  FROM stats_monthly_procedure
 GROUP BY 1, 2, 3, 4, 5;
ANALYZE stats_yearly;
ANALYZE stats_yearly_procedure;
