-- Back-off of guesses (docs/security.md): sign-in per account name and per client address, public
-- tracking per dossier code. One row per key; a claim is taken before the secret is checked, so
-- parallel guesses wait their turn across every instance. Nothing here locks anyone out: the
-- longest wait is a policy's cap (src/platform/throttle.ts).
CREATE TABLE attempt_throttle (
  key             text PRIMARY KEY,        -- 'login-account:<username>', 'login-address:<ip>', 'track:<code>'
  failures        integer NOT NULL,        -- attempts since the last success (the current one included)
  last_attempt_at timestamptz NOT NULL,
  next_allowed_at timestamptz NOT NULL
);
CREATE INDEX attempt_throttle_last_idx ON attempt_throttle (last_attempt_at);

-- The lock-out that anyone could trigger (and that told which usernames exist) is gone.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
