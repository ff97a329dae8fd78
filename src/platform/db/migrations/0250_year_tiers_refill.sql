-- The year tiers (0215) summed again from the month tables, whatever order a database applied 0215
-- and 0240 in: 0240 moves a forwarded dossier's acceptance in the day and month tables only (as it
-- first landed; databases have applied that text), and the years are the sums of the months.
TRUNCATE stats_yearly, stats_yearly_procedure;
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
