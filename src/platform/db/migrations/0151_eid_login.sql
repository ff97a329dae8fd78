-- The national e-ID login (issue 15 §1): the PKCE code verifier of each started login (RFC 7636),
-- kept beside its state and nonce (migration 0150) so that any instance may take the callback.
ALTER TABLE eid_login_states ADD COLUMN code_verifier text NOT NULL DEFAULT '';
CREATE INDEX eid_login_states_expires_idx ON eid_login_states (expires_at);

-- The local e-ID simulator (served by motcua at /eid-sim when MOTCUA_EID_DISCOVERY_URL is unset):
-- its signing key, one for every instance, and each authorization code it issued, used once.
CREATE TABLE eid_simulator_key (
  id           boolean PRIMARY KEY DEFAULT true CHECK (id),
  private_jwk  jsonb NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE TABLE eid_simulator_codes (
  code_hash       text PRIMARY KEY,
  -- the chosen test identity, the client's redirect, nonce and PKCE challenge
  identity_key    text NOT NULL,
  client_id       text NOT NULL,
  redirect_uri    text NOT NULL,
  nonce           text NOT NULL,
  code_challenge  text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz
);
