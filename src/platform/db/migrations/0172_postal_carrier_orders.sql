-- Issue 13 §7: each sealed parcel's way to the agency is an order in the post's own system
-- (src/postal/carrier-orders.ts, the job postal.carrierOrders): `carrier_order_id` (migration 0130)
-- gets the carrier's order id, and the leg keeps the charge the carrier answered and which carrier
-- it was (`postal_carrier_cursor`'s name), so that the post's charge can be compared with the
-- postage collected at the door.
ALTER TABLE postal_legs ADD COLUMN carrier_charge_vnd integer CHECK (carrier_charge_vnd >= 0);
ALTER TABLE postal_legs ADD COLUMN carrier_name text;
CREATE INDEX postal_legs_carrier_order_due ON postal_legs (id) WHERE carrier_order_id IS NULL AND kind = 'toAgency';
