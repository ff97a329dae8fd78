-- Each commune's centre, for the courier's route (issue 13 §6): there is no offline geocoder, so an
-- address is placed at its commune's centre until the courier's phone confirms a position there.
-- centre_precision says how far to trust it: 'surveyed' (the commune office's position) or
-- 'districtSeat' (approximate: the seat of the old district(s), ±10–20 km; the demo data).
ALTER TABLE admin_units
  ADD COLUMN centre_latitude double precision,
  ADD COLUMN centre_longitude double precision,
  ADD COLUMN centre_precision text CHECK (centre_precision IN ('surveyed', 'districtSeat')),
  ADD CONSTRAINT admin_units_centre_complete CHECK (
    (centre_latitude IS NULL AND centre_longitude IS NULL AND centre_precision IS NULL)
    OR (centre_latitude BETWEEN -90 AND 90 AND centre_longitude BETWEEN -180 AND 180 AND centre_precision IS NOT NULL));
