-- Counter-received dossiers carried by the post to the competent agency (issue 13; DOMAIN §1.4 step
-- 3 "chuyển hồ sơ", §5.5): a dossier received at a post office's counter for an agency elsewhere
-- travels as a sealed parcel on a toAgency leg (shipment origin 'forward'). The hand-over record at
-- the agency closes the leg, but the dossier was already received at the counter: its item keeps
-- that legal receipt time (received_at), not the record's signature.
ALTER TABLE postal_shipments DROP CONSTRAINT postal_shipments_origin_check;
ALTER TABLE postal_shipments ADD CONSTRAINT postal_shipments_origin_check CHECK (origin IN ('portal', 'counter', 'phone', 'dossier', 'transfer', 'forward'));

-- the dossier's legal receipt time when it is not the record's signature (a forwarded dossier); null: the signature
ALTER TABLE postal_handover_items ADD COLUMN received_at timestamptz;
