-- Search that stays fast at 1M and 3M dossiers, part 2 (issue 16 §2, docs/scale.md "Session 3").
-- A name now matches from the start of a word, in order ("thu hang" finds "Nguyễn Thị Thu Hằng";
-- "an" finds "An" and "Anh", not "Trần"): every word-start suffix of the name key is one btree
-- entry ("nguyen thi thu hang", "thi thu hang", "thu hang", "hang"), so a name is one range of
-- `suffix text_pattern_ops` instead of a trigram lookup decoding long posting lists. A part of a
-- code matches its end (reverse(code)) or its start; the trigram indexes are dropped.

-- 1. The name key without stray spaces: words are split on single spaces below, and the scope
--    walk's check (`' ' || key LIKE '% thu hang%'`) must agree with the suffixes.
CREATE OR REPLACE FUNCTION dossiers_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.applicant_name_key := btrim(regexp_replace(search_key(NEW.applicant_name), '\s+', ' ', 'g'));
  RETURN NEW;
END $$;
UPDATE dossiers SET applicant_name = applicant_name
 WHERE applicant_name_key ~ '(^\s|\s$|\s\s|[^ \S])';

-- 2. One row per word-start suffix, with what the search's scopes and order read (an index-only
--    range: the scope's columns and the order are in the entry). Distributed with its dossier.
CREATE TABLE dossier_name_suffixes (
  province_code              text NOT NULL,
  dossier_id                 bigint NOT NULL,
  position                   smallint NOT NULL,            -- 1: the whole key, 2: from the second word …
  suffix                     text NOT NULL,
  received_at                timestamptz,
  unit_path                  text NOT NULL,
  competent_agency_id        bigint NOT NULL,
  receiving_service_point_id bigint,
  receiving_agency_id        bigint NOT NULL,
  PRIMARY KEY (province_code, dossier_id, position),
  FOREIGN KEY (province_code, dossier_id) REFERENCES dossiers (province_code, id) ON DELETE CASCADE
);

INSERT INTO dossier_name_suffixes
SELECT d.province_code, d.id, i, left(array_to_string(w[i:], ' '), 200), d.received_at, d.unit_path,
       d.competent_agency_id, d.receiving_service_point_id, d.receiving_agency_id
  FROM dossiers d, string_to_array(d.applicant_name_key, ' ') w, generate_subscripts(w, 1) i
 WHERE d.applicant_name_key <> '';

-- "thu hang%" is one range; the entry carries the order and the scope columns (no table read)
CREATE INDEX dossier_name_suffixes_suffix_idx ON dossier_name_suffixes (suffix text_pattern_ops)
  INCLUDE (received_at, dossier_id, unit_path, competent_agency_id, receiving_service_point_id, receiving_agency_id);
-- one dossier in 64: how common a name is, read in a few hundred entries (search.ts nameFrequency)
CREATE INDEX dossier_name_suffixes_sample_idx ON dossier_name_suffixes (suffix text_pattern_ops) WHERE dossier_id % 64 = 0;

-- written in the dossier's own statement: a statement trigger for inserts (one INSERT … SELECT for
-- a bulk load or a COPY), a row trigger for the updates that change what a suffix row carries
CREATE FUNCTION dossier_name_suffixes_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_name_suffixes
  SELECT n.province_code, n.id, i, left(array_to_string(w[i:], ' '), 200), n.received_at, n.unit_path,
         n.competent_agency_id, n.receiving_service_point_id, n.receiving_agency_id
    FROM new_dossiers n, string_to_array(n.applicant_name_key, ' ') w, generate_subscripts(w, 1) i
   WHERE n.applicant_name_key <> '';
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_name_suffixes_insert AFTER INSERT ON dossiers
  REFERENCING NEW TABLE AS new_dossiers FOR EACH STATEMENT EXECUTE FUNCTION dossier_name_suffixes_insert();

CREATE FUNCTION dossier_name_suffixes_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_name_suffixes WHERE province_code = OLD.province_code AND dossier_id = OLD.id;
  INSERT INTO dossier_name_suffixes
  SELECT NEW.province_code, NEW.id, i, left(array_to_string(w[i:], ' '), 200), NEW.received_at, NEW.unit_path,
         NEW.competent_agency_id, NEW.receiving_service_point_id, NEW.receiving_agency_id
    FROM string_to_array(NEW.applicant_name_key, ' ') w, generate_subscripts(w, 1) i
   WHERE NEW.applicant_name_key <> '';
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_name_suffixes_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN ((OLD.applicant_name_key, OLD.received_at, OLD.unit_path, OLD.competent_agency_id, OLD.receiving_service_point_id, OLD.receiving_agency_id, OLD.province_code)
        IS DISTINCT FROM (NEW.applicant_name_key, NEW.received_at, NEW.unit_path, NEW.competent_agency_id, NEW.receiving_service_point_id, NEW.receiving_agency_id, NEW.province_code))
  EXECUTE FUNCTION dossier_name_suffixes_update();

-- 3. Codes: the end of a code (the last digits of the slip: "0001", "261207-0001") and its start
--    are btree ranges; a whole code stays the unique index's equality.
CREATE INDEX dossiers_code_reverse_idx ON dossiers (reverse(code) text_pattern_ops);
CREATE INDEX dossiers_code_prefix_idx ON dossiers (code text_pattern_ops);

-- 4. A province supervisor's walk: the province's dossiers in the search order, the unit path and
--    the name key on the entry (replaces 0006's (province_code, received_at, id): same leading
--    keys, so what it served it serves, read backwards or forwards).
CREATE INDEX dossiers_province_cover_idx ON dossiers (province_code, received_at DESC, id DESC) INCLUDE (unit_path, applicant_name_key);
DROP INDEX dossiers_received_idx;

-- nothing reads the trigram indexes any more (a name is a suffix range, a code a prefix or suffix range)
DROP INDEX dossiers_name_key_trgm;
DROP INDEX dossiers_code_trgm;
