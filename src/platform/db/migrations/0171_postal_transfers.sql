-- Transfer legs (issue 13 §1–2; DOMAIN §5.2 step 13, QĐ 45 art. 16.2): the post carries a dossier's
-- papers from one agency to another on the sending agency's request (liên thông paper path). A
-- transfer shipment is made by an agency, not for an applicant at an address; one leg may carry
-- the papers of several dossiers (a bundle of linked procedures, issue 17).
ALTER TABLE postal_shipments DROP CONSTRAINT postal_shipments_origin_check;
ALTER TABLE postal_shipments ADD CONSTRAINT postal_shipments_origin_check CHECK (origin IN ('portal', 'counter', 'phone', 'dossier', 'transfer'));

-- the agency a transfer leg starts at (its end is agency_id)
ALTER TABLE postal_legs ADD COLUMN from_agency_id bigint REFERENCES agencies (id);
-- the dossiers whose papers the leg carries (a transfer; empty for the other kinds, whose shipment names its dossier)
ALTER TABLE postal_legs ADD COLUMN dossier_codes text[] NOT NULL DEFAULT '{}';
-- what is in the parcel, as the sending agency wrote it on the note
ALTER TABLE postal_legs ADD COLUMN contents text;
CREATE INDEX postal_legs_dossier_codes_idx ON postal_legs USING gin (dossier_codes) WHERE kind = 'transfer';
