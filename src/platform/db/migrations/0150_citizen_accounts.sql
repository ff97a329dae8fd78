-- Citizen accounts (issue 15 §1): an account sees the dossiers of a personal ID only once that ID
-- is verified — by the national e-ID login, or by a clerk who checked the card at a counter —
-- and before that only the dossiers the account itself filed.
ALTER TABLE users ADD COLUMN personal_id_verified_at timestamptz;
-- 'eid' (the e-ID login) or 'counter' (a clerk checked the card); null while unverified
ALTER TABLE users ADD COLUMN personal_id_verified_via text CHECK (personal_id_verified_via IN ('eid', 'counter'));
ALTER TABLE users ADD CONSTRAINT users_verified_has_id CHECK (personal_id_verified_at IS NULL OR (personal_id IS NOT NULL AND personal_id_verified_via IS NOT NULL));
CREATE UNIQUE INDEX users_verified_personal_id_idx ON users (personal_id) WHERE personal_id_verified_at IS NOT NULL;

-- The account that filed a dossier: the actor of its first event (the fold's `filed_by_user_id`).
ALTER TABLE dossiers ADD COLUMN filed_by_user_id bigint;
UPDATE dossiers d SET filed_by_user_id = e.actor_id FROM dossier_events e WHERE e.dossier_id = d.id AND e.seq = 1;
CREATE INDEX dossiers_filed_by_idx ON dossiers (filed_by_user_id) WHERE filed_by_user_id IS NOT NULL;

-- The e-ID login (OAuth2 authorization-code flow): each started login's state and nonce, kept in
-- the database so that any instance may take the callback; used once, valid 10 minutes.
CREATE TABLE eid_login_states (
  state        text PRIMARY KEY,
  nonce        text NOT NULL,
  return_to    text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
