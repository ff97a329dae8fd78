-- Opening hours per counter (issue 14 §1): a counter may keep other hours than its service point
-- (open only mornings, or serving Saturday intake). A counter without a row keeps the point's
-- weekly pattern; a counter's exception changes one date for that counter only (a point's
-- exception, opening_exceptions, still changes the date for every counter).
CREATE TABLE counter_opening_hours (
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  counter_code      text NOT NULL,
  -- ISO weekday '1' (Monday) … '7' (Sunday) → periods 'HH:MM-HH:MM' (the lunch break is the gap)
  weekly            jsonb NOT NULL,
  PRIMARY KEY (service_point_id, counter_code)
);

CREATE TABLE counter_opening_exceptions (
  service_point_id  bigint NOT NULL REFERENCES service_points (id),
  counter_code      text NOT NULL,
  day               date NOT NULL,
  periods           jsonb NOT NULL,
  reason            text NOT NULL,
  PRIMARY KEY (service_point_id, counter_code, day)
);
