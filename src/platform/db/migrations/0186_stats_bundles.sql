-- Bundles in the roll-ups (issue 17 §5): a bundle counts once as a submission (bundles_received, on
-- its first member's acceptance) and each member per agency for timeliness (bundle_members_*). The
-- dashboard's count of submissions with each bundle once = received − bundle_members_received +
-- bundles_received; the 766 indicators keep counting each member, its own national record.
ALTER TABLE stats_daily
  ADD COLUMN bundles_received integer NOT NULL DEFAULT 0,
  ADD COLUMN bundle_members_received integer NOT NULL DEFAULT 0,
  ADD COLUMN bundle_members_resolved_on_time integer NOT NULL DEFAULT 0,
  ADD COLUMN bundle_members_resolved_late integer NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly
  ADD COLUMN bundles_received integer NOT NULL DEFAULT 0,
  ADD COLUMN bundle_members_received integer NOT NULL DEFAULT 0,
  ADD COLUMN bundle_members_resolved_on_time integer NOT NULL DEFAULT 0,
  ADD COLUMN bundle_members_resolved_late integer NOT NULL DEFAULT 0;
