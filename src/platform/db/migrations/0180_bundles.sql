-- Bundles ("hồ sơ liên thông", issue 17, DOMAIN §10): one parent coded by the receiving agency's
-- serial, one member dossier per member procedure. The members are ordinary dossiers (their own
-- code, agency, due time, result and event chain); these tables only say which dossiers form one
-- bundle, under which definition version, and which member waits for which.
CREATE TABLE bundles (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  definition_code text NOT NULL,
  -- the definition version in force when the bundle was received (src/bundles/definitions.ts)
  definition_from date NOT NULL,
  receiving_agency_id bigint NOT NULL,
  service_point_id bigint,
  personal_id text NOT NULL,
  applicant_name text NOT NULL,
  -- the receiving point's unit path (scoped reads of the bundle list)
  unit_path text NOT NULL,
  received_at timestamptz NOT NULL,
  -- the bundle's own time limit where the decree sets one (null: the members' own only)
  statutory_due_at timestamptz,
  calendar_version text,
  -- the combined e-form as filled at the counter (each field once)
  form_data jsonb NOT NULL,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bundles_personal_id ON bundles (personal_id, received_at DESC);
CREATE INDEX bundles_unit_path ON bundles (unit_path text_pattern_ops, received_at DESC);

CREATE TABLE bundle_members (
  bundle_id bigint NOT NULL REFERENCES bundles(id),
  member_key text NOT NULL,
  position integer NOT NULL,
  dossier_id bigint NOT NULL UNIQUE,
  dossier_code text NOT NULL UNIQUE,
  -- the member whose result this one waits for (null: starts at receipt)
  waits_for text,
  -- when its clock started (its receipt); null while it waits
  started_at timestamptz,
  -- what the prerequisite's result fed it (e.g. the birth registration number)
  fed jsonb,
  PRIMARY KEY (bundle_id, member_key)
);
CREATE INDEX bundle_members_waiting ON bundle_members (bundle_id) WHERE started_at IS NULL;
