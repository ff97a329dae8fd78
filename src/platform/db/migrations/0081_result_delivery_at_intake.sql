-- The result-delivery method chosen at intake (form 01 item 6, "Đăng ký nhận kết quả tại: …"; issue
-- 9): at the counter, by post to an address, or online. The intake event carries it (payload
-- `delivery`) and these columns are its fold. `result_delivery` (migration 0006) stays how the
-- result was actually returned. NULL for dossiers received before this migration.
ALTER TABLE dossiers
  ADD COLUMN delivery_method text CHECK (delivery_method IN ('counter', 'post', 'online')),
  ADD COLUMN delivery_address text,
  ADD CONSTRAINT dossiers_delivery_address CHECK ((delivery_method = 'post') = (delivery_address IS NOT NULL) OR delivery_method IS NULL);
