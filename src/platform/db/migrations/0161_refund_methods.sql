-- A refund goes back the way the money came (issue 15 §4): cash from the drawer, to the card or the
-- account of a card, transfer or QR payment taken at a counter or the door, or through the gateway
-- for an online payment. Migration 0160 knew only cash and gateway, so card refunds were recorded
-- as cash (and counted against the clerk's drawer); those rows are corrected from their receipt.
ALTER TABLE receipt_refunds DROP CONSTRAINT receipt_refunds_method_check;
ALTER TABLE receipt_refunds ADD CONSTRAINT receipt_refunds_method_check CHECK (method IN ('cash', 'card', 'transfer', 'qr', 'gateway'));
UPDATE receipt_refunds f SET method = r.payment_method
  FROM receipts r WHERE r.id = f.receipt_id AND f.method = 'cash' AND r.payment_method <> 'cash';
