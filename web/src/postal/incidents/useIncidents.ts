// The incidents screen's state: the list (open or resolved), recording one against a leg,
// resolving one; after a change the list is read again and the outcome said in a notice.
import { useState } from 'react';
import { useLoad } from '../../ui/useLoad';
import { useTask } from '../../ui/useTask';
import { fetchIncidents, recordIncident, resolveIncident, type Incident, type IncidentBody, type IncidentStatus, type ResolveBody } from './api';

export type Outcome = { readonly kind: 'recorded' | 'resolved'; readonly incident: Incident };

export function useIncidents() {
  const [status, setStatus] = useState<IncidentStatus>('open');
  const { loaded, reload } = useLoad((signal) => fetchIncidents(status, signal), status);
  const [resolving, setResolving] = useState<Incident | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const recordTask = useTask();
  const resolveTask = useTask();

  const record = async (trackingNumber: string, body: IncidentBody): Promise<boolean> => {
    const incident = await recordTask.run(() => recordIncident(trackingNumber, body));
    if (!incident) return false;
    setOutcome({ kind: 'recorded', incident });
    if (status === 'open') reload(); else setStatus('open');
    return true;
  };
  const resolve = async (body: ResolveBody): Promise<void> => {
    if (!resolving) return;
    const incident = await resolveTask.run(() => resolveIncident(resolving.id, body));
    if (!incident) return;
    setResolving(null);
    setOutcome({ kind: 'resolved', incident });
    reload();
  };
  const choose = (incident: Incident | null) => { resolveTask.setError(null); setResolving(incident); };
  return { status, setStatus, loaded, resolving, choose, outcome, record, recordTask, resolve, resolveTask };
}
