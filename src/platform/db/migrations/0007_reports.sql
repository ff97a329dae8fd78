-- Statistics roll-ups (src/reports): one row per day × competent unit and agency × receiving
-- agency × procedure × channel × online level, kept in the same transaction as the dossier event
-- by the reports hook (src/app.ts) and re-derivable from dossier_events (`motcua report rebuild`).
CREATE TABLE stats_daily (
  day                 date   NOT NULL,                 -- civil day in Vietnam (UTC+7)
  province_code       text   NOT NULL,
  unit_path           text   NOT NULL,                 -- unit path of the competent agency (scope)
  agency_id           bigint NOT NULL,                 -- competent agency
  receiving_agency_id bigint NOT NULL,                 -- the one-stop that received (e.g. the provincial centre)
  procedure_id        bigint NOT NULL,
  channel             text   NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
  online_level        text   NOT NULL CHECK (online_level IN ('none', 'partial', 'full')),
  submitted           integer NOT NULL DEFAULT 0,
  received            integer NOT NULL DEFAULT 0,
  refused             integer NOT NULL DEFAULT 0,
  resolved_early      integer NOT NULL DEFAULT 0,
  resolved_on_time    integer NOT NULL DEFAULT 0,
  resolved_late       integer NOT NULL DEFAULT 0,
  rejected            integer NOT NULL DEFAULT 0,
  withdrawn           integer NOT NULL DEFAULT 0,
  stopped             integer NOT NULL DEFAULT 0,
  closed              integer NOT NULL DEFAULT 0,
  returned            integer NOT NULL DEFAULT 0,
  supplement_requests integer NOT NULL DEFAULT 0,
  apologies           integer NOT NULL DEFAULT 0,
  digitized           integer NOT NULL DEFAULT 0,
  reused              integer NOT NULL DEFAULT 0,
  store_linked        integer NOT NULL DEFAULT 0,
  electronic_results  integer NOT NULL DEFAULT 0,
  paid_online         integer NOT NULL DEFAULT 0,
  ratings             integer NOT NULL DEFAULT 0,
  rating_sum          integer NOT NULL DEFAULT 0,
  dislikes            integer NOT NULL DEFAULT 0,
  resolution_working_minutes bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level)
);
-- a supervisor's subtree over a period (the day range first: edges of a period are a few days)
CREATE INDEX stats_daily_day_unit_idx ON stats_daily (day, unit_path text_pattern_ops);

-- Month totals of the same roll-up without the procedure and receiving dimensions, for the
-- summary of long periods at national volume (a province-year is 12 × units × channels rows).
CREATE TABLE stats_monthly (
  month          date   NOT NULL,                      -- first day of the month
  province_code  text   NOT NULL,
  unit_path      text   NOT NULL,
  agency_id      bigint NOT NULL,
  receiving_agency_id bigint NOT NULL,
  channel        text   NOT NULL,
  online_level   text   NOT NULL,
  submitted integer NOT NULL DEFAULT 0, received integer NOT NULL DEFAULT 0, refused integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0, resolved_on_time integer NOT NULL DEFAULT 0, resolved_late integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0, withdrawn integer NOT NULL DEFAULT 0, stopped integer NOT NULL DEFAULT 0,
  closed integer NOT NULL DEFAULT 0, returned integer NOT NULL DEFAULT 0, supplement_requests integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0, digitized integer NOT NULL DEFAULT 0, reused integer NOT NULL DEFAULT 0,
  store_linked integer NOT NULL DEFAULT 0, electronic_results integer NOT NULL DEFAULT 0, paid_online integer NOT NULL DEFAULT 0,
  ratings integer NOT NULL DEFAULT 0, rating_sum integer NOT NULL DEFAULT 0, dislikes integer NOT NULL DEFAULT 0,
  resolution_working_minutes bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, month, unit_path, agency_id, receiving_agency_id, channel, online_level)
);
CREATE INDEX stats_monthly_month_unit_idx ON stats_monthly (month, unit_path text_pattern_ops);

-- Live open dossiers (in progress on time / overdue) without scanning closed ones.
CREATE INDEX dossiers_open_idx ON dossiers (province_code, unit_path text_pattern_ops, due_at)
  WHERE finished_at IS NULL AND received_at IS NOT NULL;
-- drill-down lists: a period's dossiers of one agency, newest first; late ones of a province
CREATE INDEX dossiers_agency_received_idx ON dossiers (competent_agency_id, received_at DESC, id DESC);
CREATE INDEX dossiers_late_idx ON dossiers (province_code, received_at DESC, id DESC)
  WHERE finished_at > coalesce(original_due_at, due_at);
