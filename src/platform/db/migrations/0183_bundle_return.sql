-- How a bundle's results go back to the applicant (issue 17 §4), the applicant's choice at receipt,
-- changeable later by a clerk (audit_log `bundle.returnChoice`): `together` holds every result until
-- all members with a result are ready, `asReady` returns each as it comes; at the counter or by one
-- postal delivery to `return_address`. Bundles received before this migration return as they did:
-- each member as it comes, at the counter (their members' own delivery choice still applies).
ALTER TABLE bundles
  ADD COLUMN return_timing text NOT NULL DEFAULT 'asReady' CHECK (return_timing IN ('together', 'asReady')),
  ADD COLUMN return_place text NOT NULL DEFAULT 'counter' CHECK (return_place IN ('counter', 'post')),
  ADD COLUMN return_address text CHECK ((return_place = 'post') = (return_address IS NOT NULL));
-- the counter's list of bundles to return: the receiving point's bundles returned together
CREATE INDEX bundles_return_together ON bundles (service_point_id, received_at) WHERE return_timing = 'together';
