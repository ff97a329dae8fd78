// "Check your answers": what the citizen gave, read back before submitting — who, the papers
// attached (by name, the rest not attached), how the result comes back.
import { useOnlineT } from '../i18n';
import type { DraftEditor } from './useDraftEditor';

export function AnswersSummary({ editor }: { readonly editor: DraftEditor }) {
  const t = useOnlineT();
  const a = editor.applicant;
  const attached = editor.procedure.requiredPapers.filter((p) => {
    const state = editor.papers[p.key]?.state;
    return state === 'uploaded' || state === 'reused';
  });
  const d = editor.delivery;
  return (
    <dl className="online-answers">
      <dt>{t('name')}</dt><dd>{a.name}</dd>
      <dt>{t('phone')}</dt><dd>{a.phone}</dd>
      {a.email.trim() !== '' && <><dt>{t('emailShort')}</dt><dd>{a.email}</dd></>}
      <dt>{t('papersTitle')}</dt>
      <dd>{attached.length === 0 ? t('answersNoPapers') : <ul>{attached.map((p) => <li key={p.key}>{p.name}</li>)}</ul>}</dd>
      <dt>{t('deliveryTitle')}</dt>
      <dd>{d.method ? t(`delivery_${d.method}`) : ''}{d.method === 'post' && d.address.trim() !== '' ? `: ${d.address}` : ''}</dd>
    </dl>
  );
}
