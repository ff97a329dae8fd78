// The whole bundle's withdrawal at the counter (issue 17): the applicant withdraws the bundle, not
// one waiting member — one action of the clerk withdraws every member still being settled (each its
// own event), the members with a result keep it. The reason is asked first; the button is a danger
// one behind an explicit "Rút cả hồ sơ liên thông".
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { userCan } from '../../api/types';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { useTask } from '../../ui/useTask';
import type { BundleView } from '../api';
import { useBundleT } from '../bundle-i18n';
import type { BundleWithdrawnView } from '../../../../src/bundles/schemas';

/** The member statuses a withdrawal ends (src/bundles/withdraw.ts). */
const OPEN = ['submitted', 'received', 'processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment'];

export const openMembers = (bundle: Pick<BundleView, 'members'>) => bundle.members.filter((m) => OPEN.includes(m.dossier.status));

const withdrawBundle = (code: string, reason: string) =>
  api.post<BundleWithdrawnView>(`/api/v1/bundles/${encodeURIComponent(code)}/withdraw`, { reason: reason.trim() });

/** `onWithdrawn`: how many members were withdrawn (the page says so above the reloaded bundle). */
export function WithdrawPart({ bundle, user, onWithdrawn }: { readonly bundle: BundleView; readonly user: User; readonly onWithdrawn: (count: number) => void }) {
  const b = useBundleT();
  const { t: tApp } = useTranslation();
  const task = useTask();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const members = openMembers(bundle);
  if (!userCan(user, 'dossiers.withdraw') || !userCan(user, 'dossiers.receive')) return null;
  if (members.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await task.run(() => withdrawBundle(bundle.code, reason));
    if (r) { setOpen(false); onWithdrawn(r.withdrawn.length); }
  };
  return (
    <section aria-labelledby="bundle-withdraw" className="section">
      <h2 id="bundle-withdraw">{b('withdrawTitle')}</h2>
      {<p>{b('withdrawLead', { codes: members.map((m) => m.dossier.code).join(', ') })}</p>}
      {!open && <Button kind="danger" onClick={() => setOpen(true)}>{b('withdrawOpen')}</Button>}
      {open && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <ErrorNotice error={task.error ? shownError(task.error, tApp) : null} />
          <Field label={b('withdrawReason')} hint={b('withdrawReasonHint')} value={reason} required maxLength={500} autoComplete="off" onChange={(e) => setReason(e.target.value)} />
          <div className="form__actions">
            <Button kind="danger" type="submit" disabled={task.busy || reason.trim() === ''}>{b('withdrawButton', { count: members.length })}</Button>
            <Button onClick={() => setOpen(false)}>{b('withdrawCancel')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
