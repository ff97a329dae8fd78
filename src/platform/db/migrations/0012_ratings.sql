-- The applicant's satisfaction rating (F766 5.4, TT 01/2018 index 7): the `rate` action, once per
-- dossier, after the result. The row keeps what the fold of its events says (src/dossiers/fold.ts):
-- when it was rated and the stars; the dislike reasons and the comment stay in the event.
-- Nullable columns without a default: no row is rewritten (the checks read the table once).
ALTER TABLE dossiers
  ADD COLUMN rated_at     timestamptz,
  ADD COLUMN rating_stars smallint CHECK (rating_stars BETWEEN 1 AND 5),
  ADD CONSTRAINT dossiers_rating_complete CHECK ((rated_at IS NULL) = (rating_stars IS NULL));
