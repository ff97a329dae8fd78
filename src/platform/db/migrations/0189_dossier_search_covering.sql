-- Search that stays fast at 1M and 3M dossiers (issue 16 §2, docs/scale.md "Covering indexes").
-- The search walks each part of the actor's scope in its order (`received_at DESC, id DESC`) and
-- stops after a page, or after 1,001 matches for the capped count. The walk's indexes (0007, 0009)
-- now carry the name key (and, for the whole-country walk, the unit path that a unit scope
-- filters on), so that a name is checked on the index entry itself (index-only scan) instead of
-- one table row read per entry: on the 1M set the busiest clerk's count of "nguyen van" read
-- 84,219 table rows (562 ms) before, 8,966 index entries (3.7 ms) after.
--
-- Same key columns as the indexes they replace (every query those served, these serve), so the
-- table keeps the same number of indexes to maintain on a write.
--
-- On a large installation build them first, online, under the same names (docs/scale.md
-- "Deploying the indexes"): CREATE INDEX CONCURRENTLY cannot run in the migration's transaction;
-- IF NOT EXISTS then keeps the prebuilt ones, and the guard below refuses one left invalid by a
-- concurrent build that failed.
DO $$
DECLARE invalid text;
BEGIN
  SELECT string_agg(c.relname, ', ') INTO invalid
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
   WHERE c.relname IN ('dossiers_received_cover_idx', 'dossiers_point_cover_idx', 'dossiers_online_agency_cover_idx', 'dossiers_agency_cover_idx')
     AND NOT i.indisvalid;
  IF invalid IS NOT NULL THEN
    RAISE EXCEPTION 'Chỉ mục % không hợp lệ (CREATE INDEX CONCURRENTLY bị dừng giữa chừng): DROP INDEX CONCURRENTLY rồi tạo lại (docs/scale.md).', invalid;
  END IF;
END $$;

-- admins and supervisors: the whole table in order, the unit scope and the name checked on the entry
CREATE INDEX IF NOT EXISTS dossiers_received_cover_idx ON dossiers (received_at DESC, id DESC) INCLUDE (unit_path, applicant_name_key);
-- clerks and couriers: the dossiers received at their service point …
CREATE INDEX IF NOT EXISTS dossiers_point_cover_idx ON dossiers (receiving_service_point_id, received_at DESC, id DESC) INCLUDE (applicant_name_key);
-- … and the online dossiers their point's agency receives (the second branch of their UNION ALL)
CREATE INDEX IF NOT EXISTS dossiers_online_agency_cover_idx ON dossiers (receiving_agency_id, received_at DESC, id DESC) INCLUDE (applicant_name_key)
  WHERE receiving_service_point_id IS NULL;
-- officers and approvers: their competent agency's dossiers
CREATE INDEX IF NOT EXISTS dossiers_agency_cover_idx ON dossiers (competent_agency_id, received_at DESC, id DESC) INCLUDE (applicant_name_key);

DROP INDEX IF EXISTS dossiers_search_received_idx;
DROP INDEX IF EXISTS dossiers_point_received_idx;
DROP INDEX IF EXISTS dossiers_online_agency_received_idx;
DROP INDEX IF EXISTS dossiers_agency_received_idx;
