-- The quarterly report for the post (issue 13 §8; src/postal/quarterly-export.ts) is one more kind
-- of export of the one export runner (src/reports/exports.ts, migration 0010).
ALTER TABLE report_exports DROP CONSTRAINT report_exports_kind_check;
ALTER TABLE report_exports ADD CONSTRAINT report_exports_kind_check CHECK (kind IN ('periodic-pdf', 'breakdown-xlsx', 'postal-quarterly-xlsx'));
