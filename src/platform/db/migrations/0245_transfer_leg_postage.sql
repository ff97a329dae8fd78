-- A transfer between agencies (DOMAIN §5.2 step 13, QĐ 45/2016 art. 16.2: "at the regulated rate")
-- is priced like a pickup, by the tariff's weight class and zone (src/postal/tariff.ts), and billed
-- to the sending agency, never collected from a citizen (DOMAIN §5.4: the applicant pays the postage
-- of their own legs; a transfer is the agency's). The courier weighs the parcel when collecting it
-- (src/postal/transfers.ts `collectTransfer`); the leg keeps the weight, the amount, the zone, the
-- tariff and when it was incurred (the collection), so that a month's statement of an agency's
-- transfer postage (src/postal/transfer-statement.ts) reads the legs alone, and a later tariff does
-- not change a past amount. Legs other than transfers keep nulls.
ALTER TABLE postal_legs
  ADD COLUMN weight_grams integer CHECK (weight_grams BETWEEN 1 AND 30000),
  ADD COLUMN postage_vnd integer CHECK (postage_vnd >= 0),
  ADD COLUMN postage_zone text CHECK (postage_zone IN ('sameCommune', 'inProvince', 'interProvincial')),
  ADD COLUMN postage_tariff_id text,
  ADD COLUMN postage_at timestamptz,
  ADD CONSTRAINT postal_legs_postage_complete CHECK (
    (postage_vnd IS NULL AND postage_zone IS NULL AND postage_tariff_id IS NULL AND postage_at IS NULL AND weight_grams IS NULL)
    OR (postage_vnd IS NOT NULL AND postage_zone IS NOT NULL AND postage_tariff_id IS NOT NULL AND postage_at IS NOT NULL AND weight_grams IS NOT NULL)
  );
-- the statement: one agency's (or one post office's) priced transfers of a month, by time
CREATE INDEX postal_legs_transfer_postage ON postal_legs (from_agency_id, postage_at) WHERE kind = 'transfer' AND postage_at IS NOT NULL;
