-- Partial dossier codes are searchable (issue 9 §5): "261207-0001" finds "000.89.61.H20-261207-0001".
-- A trigram index serves `code LIKE '%…%'` without a scan of the dossiers.
CREATE INDEX dossiers_code_trgm ON dossiers USING gin (code gin_trgm_ops);
