-- The late drill-down of a reader whose scope spans provinces (the administrator, '/'): the same
-- keyset walk as dossiers_late_idx (0007) without the province, so that the page reads late
-- dossiers only instead of every dossier newest first (src/reports/service.ts reportDossiers).
CREATE INDEX dossiers_late_received_idx ON dossiers (received_at DESC, id DESC)
  WHERE finished_at > coalesce(original_due_at, due_at);
