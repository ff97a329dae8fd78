-- The secret from which every dossier's tracking PIN is derived (src/tracking/pin.ts): PIN =
-- HMAC-SHA-256(secret, code) → 6 digits. No PIN is stored, so none can be read from a table, and
-- the receipt can be printed again with the same PIN. 2 × 122 random bits from pg_strong_random.
CREATE TABLE tracking_key (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  secret  text NOT NULL CHECK (length(secret) >= 32)
);
INSERT INTO tracking_key (secret)
VALUES (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
