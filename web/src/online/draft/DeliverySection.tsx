// How the applicant receives the result: online (download), at the counter, or by post to an
// address (the postal result leg is created when the result is ready, src/postal).
import { Field } from '../../ui/Field';
import type { DeliveryMethod } from '../api';
import { useOnlineT } from '../i18n';
import type { DraftEditor } from './useDraftEditor';

export function DeliverySection({ editor }: { readonly editor: DraftEditor }) {
  const t = useOnlineT();
  const p = editor.procedure;
  const methods: { method: DeliveryMethod; label: string }[] = [
    ...(p.onlineLevel !== 'none' ? [{ method: 'online' as const, label: t('deliveryOnline') }] : []),
    { method: 'counter', label: t('deliveryCounter') },
    ...(p.postalAllowed ? [{ method: 'post' as const, label: t('deliveryPost') }] : []),
  ];
  const problem = (path: string) => editor.review?.problems.find((x) => x.path === path)?.message ?? null;
  const d = editor.delivery;
  return (
    <fieldset className="section fieldset">
      <legend><h2>{t('deliveryTitle')}</h2></legend>
      {problem('delivery.method') && <p className="field__error">{problem('delivery.method')}</p>}
      {methods.map((m) => (
        <div key={m.method} className="field field--check">
          <input id={`delivery-${m.method}`} type="radio" name="delivery" checked={d.method === m.method} onChange={() => editor.setDelivery({ ...d, method: m.method })} />
          <label htmlFor={`delivery-${m.method}`}>{m.label}</label>
        </div>
      ))}
      {d.method === 'post' && (
        <Field label={t('deliveryAddress')} value={d.address} maxLength={300} autoComplete="street-address" error={problem('delivery.address')}
          onChange={(e) => editor.setDelivery({ ...d, address: e.target.value })} />
      )}
    </fieldset>
  );
}
