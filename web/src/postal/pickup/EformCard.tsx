// The procedure's e-form (the counter's inputs), prefilled from the applicant, and where the result
// goes: back by post to the applicant's address, or collected at the one-stop counter.
import { EformInput } from '../../counter/receive/EformStep';
import { usePostalT } from '../i18n';
import type { DeliveryMethod, PickupTask } from './usePickupTask';
import { RadioChoice } from '../../ui/RadioChoice';

export function EformCard({ task }: { readonly task: PickupTask }) {
  const t = usePostalT();
  return (
    <section className="section courier-step" aria-labelledby="eform-h">
      <h2 id="eform-h">{t('stepForm')}</h2>
      {task.fields.length === 0 && <p>{t('formNone')}</p>}
      {task.fields.map((f) => (
        <EformInput key={f.key} field={f} value={task.values[f.key]} error={null} onChange={(v) => task.setValue(f.key, v)} />
      ))}
      <RadioChoice legend={t('deliveryLegend')} name="delivery" options={(['post', 'counter'] as const satisfies readonly DeliveryMethod[])} value={task.delivery} label={(m) => t(`delivery_${m}`)} onChange={task.chooseDelivery} />
    </section>
  );
}
