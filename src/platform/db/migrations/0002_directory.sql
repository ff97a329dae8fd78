-- Administrative units, versioned by validity dates (the 2025 reform ended districts on
-- 2025-07-01 and merged provinces). Codes are GSO statistics codes; an old and a new unit may
-- share a code, so a unit is (code, valid_from).
CREATE TABLE admin_units (
  id             bigserial PRIMARY KEY,
  code           text NOT NULL,
  name           text NOT NULL,
  kind           text NOT NULL,      -- tinh, thanh_pho_tw, huyen, quan, thi_xa, thanh_pho, xa, phuong, thi_tran, dac_khu
  level          text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  parent_id      bigint REFERENCES admin_units (id),
  province_code  text NOT NULL,      -- the province this unit belongs to in its own period
  -- '/87/866/30280/' : ancestors' codes, for subtree scope checks (startsWith). Codes repeat
  -- across periods, so a province whose code was reused gets a distinct first segment: old Tiền
  -- Giang is '/82@2004/…' while the new Đồng Tháp is '/82/…' (src/directory/README.md).
  path           text NOT NULL,
  valid_from     date NOT NULL,
  valid_to       date,               -- exclusive; NULL = still valid
  UNIQUE (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX admin_units_code_idx ON admin_units (code, valid_from);
CREATE INDEX admin_units_level_idx ON admin_units (level, valid_from);
CREATE INDEX admin_units_parent_idx ON admin_units (parent_id);
CREATE INDEX admin_units_path_idx ON admin_units (path text_pattern_ops);
CREATE INDEX admin_units_name_trgm ON admin_units USING gin (search_key(name) gin_trgm_ops);

-- Official old → new mapping (many-to-one merges; a few old communes split between new ones).
CREATE TABLE admin_unit_successions (
  old_unit_id     bigint NOT NULL REFERENCES admin_units (id),
  new_unit_id     bigint NOT NULL REFERENCES admin_units (id),
  effective_date  date NOT NULL,
  partial         boolean NOT NULL DEFAULT false,
  note            text,
  legal_source    text,
  PRIMARY KEY (old_unit_id, new_unit_id)
);
CREATE INDEX admin_unit_successions_new_idx ON admin_unit_successions (new_unit_id);

-- Agencies with their electronic identifier (mã định danh điện tử, e.g. 000.00.00.H20).
CREATE TABLE agencies (
  id               bigserial PRIMARY KEY,
  identifier       text NOT NULL,
  name             text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('people_committee', 'department', 'public_service_centre', 'police', 'other')),
  level            text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  -- only identifiers checked against a published source are confirmed; the rest are demo data
  identifier_confirmed boolean NOT NULL DEFAULT false,
  admin_unit_id    bigint NOT NULL REFERENCES admin_units (id),
  parent_agency_id bigint REFERENCES agencies (id),
  province_code    text NOT NULL,
  valid_from       date NOT NULL,
  valid_to         date,
  UNIQUE (identifier, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX agencies_identifier_idx ON agencies (identifier, valid_from);
CREATE INDEX agencies_unit_idx ON agencies (admin_unit_id);

-- Service points: post offices and public-service centres acting as one-stop counters.
CREATE TABLE service_points (
  id                 bigserial PRIMARY KEY,
  code               text NOT NULL UNIQUE,
  name               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('post_office', 'centre')),
  admin_unit_id      bigint NOT NULL REFERENCES admin_units (id),
  -- the one-stop agency whose identifier prefixes the codes of dossiers received here
  receiving_agency_id bigint REFERENCES agencies (id),
  address            text NOT NULL,
  latitude           double precision,
  longitude          double precision,
  phone              text,
  opening_hours      jsonb NOT NULL,
  province_code      text NOT NULL,
  valid_from         date NOT NULL,
  valid_to           date,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX service_points_unit_idx ON service_points (admin_unit_id);

CREATE TABLE counters (
  id                bigserial PRIMARY KEY,
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  code              text NOT NULL,
  name              text NOT NULL,
  active            boolean NOT NULL DEFAULT true,
  UNIQUE (service_point_id, code)
);
