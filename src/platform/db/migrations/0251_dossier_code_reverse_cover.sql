-- The end of a code, read index-only (issue 16 §2, docs/scale.md "Session 4"). A part of a code is
-- first read as every match of the actor's scope up to the count's cap (search.ts): for a short,
-- common end ("0001" ends ~43% of the 1M set's codes) that was a range of reverse(code) fetching
-- one table row per entry to check the scope (the planner chose a sequential scan instead:
-- 41 ms for the busiest agency at 1M). The entry now carries what that read needs: the order
-- (received_at, id) and every scope's columns (province, unit path, competent agency, receiving
-- point and agency), so the range is checked and stops at the cap without a table row.
--
-- Same key as the index it replaces (0220 dossiers_code_reverse_idx): what it served it serves.
-- On a large installation build it first, online, under the same name (docs/scale.md "Deploying
-- the indexes"); IF NOT EXISTS keeps the prebuilt one, and the guard refuses one left invalid.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE c.relname = 'dossiers_code_reverse_cover_idx' AND NOT i.indisvalid) THEN
    RAISE EXCEPTION 'Chỉ mục dossiers_code_reverse_cover_idx không hợp lệ (CREATE INDEX CONCURRENTLY bị dừng giữa chừng): DROP INDEX CONCURRENTLY rồi tạo lại (docs/scale.md).';
  END IF;
END $$;

CREATE INDEX IF NOT EXISTS dossiers_code_reverse_cover_idx ON dossiers (reverse(code) text_pattern_ops)
  INCLUDE (received_at, id, province_code, unit_path, competent_agency_id, receiving_service_point_id, receiving_agency_id);
DROP INDEX IF EXISTS dossiers_code_reverse_idx;
