-- Report exports (src/reports/exports.ts): a durable job per request. The row is the job's state:
-- 'queued' until a worker claims it, 'running' with a heartbeat while it works (a stale
-- heartbeat means the process died: the export is claimed again), then 'done' with the file or
-- 'failed' with the reason. The file's bytes are kept in the row (a report is small).
CREATE TABLE report_exports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by   bigint NOT NULL,
  scope_path     text NOT NULL,             -- unit path the export covers (who else may read it)
  kind           text NOT NULL CHECK (kind IN ('periodic-pdf', 'breakdown-xlsx')),
  params         jsonb NOT NULL,            -- {from, to, unit?, asOf?, actor}
  status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress       integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  error          text,
  attempts       integer NOT NULL DEFAULT 0,
  file_name      text,
  content_type   text,
  file           bytea,
  created_at     timestamptz NOT NULL DEFAULT now(),
  heartbeat_at   timestamptz,
  finished_at    timestamptz
);
-- the worker's claim: the oldest waiting (or stale running) export
CREATE INDEX report_exports_pending_idx ON report_exports (created_at) WHERE status IN ('queued', 'running');
