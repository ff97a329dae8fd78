-- Paper outcomes at the counter (ND 61/2018 art. 17; TT 01/2018 forms 02 and 03; issue 9): a
-- paper dossier may end at the counter before it is received — guidance only, incomplete (form 02)
-- or not accepted (form 03). These create no dossier and no code: they are counter-outcome records
-- with their own gap-free number per service point, year and kind (src/counter).
CREATE TABLE counter_outcome_serials (
  service_point_id bigint NOT NULL REFERENCES service_points (id),
  year             integer NOT NULL,
  kind             text NOT NULL,
  last_number      integer NOT NULL,
  PRIMARY KEY (service_point_id, year, kind)
);

CREATE TABLE counter_outcomes (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('guidance', 'incomplete', 'refused')),
  service_point_id bigint NOT NULL REFERENCES service_points (id),
  -- the service point's unit path and province when recorded: report scope filters on them
  unit_path        text NOT NULL,
  province_code    text NOT NULL,
  year             integer NOT NULL,
  number           integer NOT NULL CHECK (number > 0),
  procedure_code   text NOT NULL,
  procedure_name   text NOT NULL,
  -- { kind: person | organisation | proxy, name, personalId?, taxCode?, representative?, principal?, authorisation?, phone?, address? }
  applicant        jsonb NOT NULL,
  -- reasons of a refusal, papers to add or fix, or the points of guidance given
  items            jsonb NOT NULL,
  note             text,
  clerk_id         bigint NOT NULL REFERENCES users (id),
  clerk_name       text NOT NULL,
  at               timestamptz NOT NULL,
  UNIQUE (service_point_id, year, kind, number)
);
CREATE INDEX counter_outcomes_scope_idx ON counter_outcomes (province_code, at);
CREATE INDEX counter_outcomes_point_idx ON counter_outcomes (service_point_id, at DESC);
