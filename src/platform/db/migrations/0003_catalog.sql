-- Procedures (thủ tục hành chính), versioned by effective date: a dossier keeps the version in
-- force when it was received.
CREATE TABLE procedures (
  id                  bigserial PRIMARY KEY,
  code                text NOT NULL,          -- national code as published, e.g. 1.001193
  -- the provincial full code '<code>.000.00.00.H20'; no source gives Đồng Tháp's suffix, so the
  -- seeded values are demo data (src/catalog/README.md)
  full_code           text,
  version             integer NOT NULL,
  name                text NOT NULL,
  field               text NOT NULL,          -- lĩnh vực
  competent_level     text NOT NULL CHECK (competent_level IN ('central', 'province', 'district', 'commune')),
  competent_agency    text NOT NULL,          -- as published, e.g. "Ủy ban nhân dân cấp xã"
  duration_value      numeric NOT NULL CHECK (duration_value >= 0),
  duration_unit       text NOT NULL CHECK (duration_unit IN ('working_days', 'working_hours', 'calendar_days')),
  cutoff              text CHECK (cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  fees                jsonb NOT NULL DEFAULT '[]'::jsonb,
  required_papers     jsonb NOT NULL DEFAULT '[]'::jsonb,
  online_level        text NOT NULL CHECK (online_level IN ('none', 'partial', 'full')),
  postal_allowed      boolean NOT NULL,
  result_type         text NOT NULL CHECK (result_type IN ('paper', 'electronic', 'both')),
  result_description  text,
  eform_schema        jsonb NOT NULL DEFAULT '{"type":"object","properties":{}}'::jsonb,
  steps               jsonb NOT NULL DEFAULT '[]'::jsonb,
  defaults_applied    jsonb NOT NULL DEFAULT '[]'::jsonb,  -- which fields the source left null, and the default used
  source              text,
  province_code       text NOT NULL,
  effective_from      date NOT NULL,
  effective_to        date,
  created_at          timestamptz NOT NULL DEFAULT now(),
  -- what a search without diacritics matches: the name, the result ("giấy khai sinh") and the field
  search_text         text GENERATED ALWAYS AS (
                        search_key(name || ' ' || coalesce(result_description, '') || ' ' || field)) STORED,
  UNIQUE (code, version),
  CHECK (effective_to IS NULL OR effective_to > effective_from)
);
CREATE INDEX procedures_code_idx ON procedures (code, effective_from);
CREATE INDEX procedures_field_idx ON procedures (field);
CREATE INDEX procedures_name_trgm ON procedures USING gin (search_key(name) gin_trgm_ops);
CREATE INDEX procedures_search_trgm ON procedures USING gin (search_text gin_trgm_ops);
