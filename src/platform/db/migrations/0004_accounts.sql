CREATE TABLE users (
  id                 bigserial PRIMARY KEY,
  username           text NOT NULL,
  full_name          text NOT NULL,
  role               text NOT NULL CHECK (role IN ('admin', 'clerk', 'courier', 'officer', 'approver', 'supervisor', 'citizen')),
  -- scope: a unit (admin, supervisor), an agency (officer, approver) or a service point (clerk, courier)
  scope_unit_id      bigint REFERENCES admin_units (id),
  scope_agency_id    bigint REFERENCES agencies (id),
  scope_service_point_id bigint REFERENCES service_points (id),
  scope_code         text,           -- the code the scope was given by (unit code, agency identifier, service point code)
  scope_path         text,           -- unit path of the scope, e.g. '/87/866/', for subtree checks
  personal_id        text,           -- citizens: the 12-digit personal ID their dossiers carry
  email              text,
  phone              text,
  password_hash      text NOT NULL,
  failed_logins      integer NOT NULL DEFAULT 0,
  locked_until       timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  active             boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(scope_unit_id, scope_agency_id, scope_service_point_id) <= 1)
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));
CREATE INDEX users_scope_sp_idx ON users (scope_service_point_id);
CREATE INDEX users_scope_agency_idx ON users (scope_agency_id);
CREATE INDEX users_scope_unit_idx ON users (scope_unit_id);

-- Opaque session tokens; only their SHA-256 is stored.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
