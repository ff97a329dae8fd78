-- Yearly holiday schedules entered by administrators (DOMAIN §7.2). Every save is a new row:
-- the newest version of a year is in force, older ones stay for the record (a dossier keeps the
-- version tag its due date was computed with). The official schedules shipped with the code
-- (src/calendar/schedules) are not copied here: a year without rows falls back to them, and they
-- count as version 1 of their year, so the first saved version of 2025 is version 2.
CREATE TABLE calendar_schedules (
  id              bigserial PRIMARY KEY,
  year            integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  version         integer NOT NULL CHECK (version >= 1),
  source          text NOT NULL CHECK (source <> ''),
  -- [{ "date": "YYYY-MM-DD", "reason": "…" }], sorted by date
  days_off        jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(days_off) = 'array'),
  make_up_days    jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(make_up_days) = 'array'),
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      bigint,
  created_by_name text,
  UNIQUE (year, version)
);

CREATE TRIGGER calendar_schedules_append_only BEFORE UPDATE OR DELETE ON calendar_schedules
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
