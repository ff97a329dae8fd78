// One report export at a time (the server's export runner, POST /api/v1/reports/exports): started,
// then its progress polled every second until it is done (a file to download) or failed.
import { useEffect, useState } from 'react';
import { fetchExport, requestExport, type ExportKind, type ExportProgress, type PeriodQuery } from './api';

export function useExportJob(onError: (e: unknown) => void) {
  const [job, setJob] = useState<ExportProgress | null>(null);
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const timer = setTimeout(() => { fetchExport(job.id).then(setJob).catch(onError); }, 1000);
    return () => clearTimeout(timer);
    // onError is the caller's setter: the poll restarts only when the job changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job]);
  const start = (query: PeriodQuery, kind: ExportKind) => {
    requestExport(query, kind).then(({ id }) => setJob({ id, kind, status: 'queued', progress: 0 })).catch(onError);
  };
  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  return { job, start, running };
}
