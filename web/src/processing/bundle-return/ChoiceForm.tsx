// The clerk changes how a bundle's results go back, at the applicant's request: when (all together
// or each as it comes) and where (the counter, or by post to an address).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { RadioChoice } from '../../ui/RadioChoice';
import { useTask } from '../../ui/useTask';
import { useBundleT } from '../bundle-i18n';
import { changeReturnChoice, type ReturnChoice } from './api';

const timings = ['together', 'asReady'] as const;
const places = ['counter', 'post'] as const;

export function ChoiceForm({ code, choice, onSaved }: { readonly code: string; readonly choice: ReturnChoice; readonly onSaved: () => void }) {
  const b = useBundleT();
  const { t: tApp } = useTranslation();
  const task = useTask();
  const [timing, setTiming] = useState<ReturnChoice['timing']>(choice.timing);
  const [place, setPlace] = useState<ReturnChoice['place']>(choice.place);
  const [address, setAddress] = useState(choice.address ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await task.run(() => changeReturnChoice(code, { timing, place, ...(place === 'post' ? { address } : {}) }));
    if (r) onSaved();
  };
  return (
    <details className="section">
      <summary>{b('changeTitle')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorNotice error={task.error ? shownError(task.error, tApp) : null} />
        <RadioChoice legend={b('timingLegend')} name="bundle-timing" options={timings} value={timing} label={(o) => b(`timing_${o}`)} onChange={setTiming} />
        <RadioChoice legend={b('placeLegend')} name="bundle-place" options={places} value={place} label={(o) => b(`place_${o}`)} onChange={setPlace} />
        {place === 'post' && <Field label={b('address')} hint={b('addressHint')} value={address} required maxLength={300} onChange={(e) => setAddress(e.target.value)} />}
        <div className="form__actions"><Button kind="secondary" type="submit" disabled={task.busy}>{b('saveChoice')}</Button></div>
      </form>
    </details>
  );
}
