-- 0251's entry could not answer the end of a code on its own: PostgreSQL evaluates the LIKE on
-- reverse(code) from `code`, which the entry lacked, so it fetched the table row for every entry
-- (an Index Scan, not an Index Only Scan: 60 ms for the busiest agency's "0001" at 1M). The
-- entry now carries `code` as well. Same key, same guard as 0251.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE c.relname = 'dossiers_code_end_idx' AND NOT i.indisvalid) THEN
    RAISE EXCEPTION 'Chỉ mục dossiers_code_end_idx không hợp lệ (CREATE INDEX CONCURRENTLY bị dừng giữa chừng): DROP INDEX CONCURRENTLY rồi tạo lại (docs/scale.md).';
  END IF;
END $$;

CREATE INDEX IF NOT EXISTS dossiers_code_end_idx ON dossiers (reverse(code) text_pattern_ops)
  INCLUDE (code, received_at, id, province_code, unit_path, competent_agency_id, receiving_service_point_id, receiving_agency_id);
DROP INDEX IF EXISTS dossiers_code_reverse_cover_idx;
