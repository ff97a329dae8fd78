// Step 1: the procedure, searched by name or code; once chosen, its duration and fees.
import type { ProcedureDetail } from '../api';
import { useCounterT, type CounterT } from '../i18n';
import { procedureDuration, ProcedurePicker } from '../ProcedurePicker';
import { useCommonT } from '../../i18n/common';
import { Button } from '../../ui/Button';
import type { ReceiveForm } from './useReceiveForm';

function feesText(t: CounterT, p: ProcedureDetail): string {
  const paid = p.fees.filter((f) => (f.amountVnd ?? 0) > 0);
  if (paid.length === 0) return t('feeFree');
  return paid.map((f) => t('feeAmount', { name: f.name, amount: (f.amountVnd ?? 0).toLocaleString('vi-VN') })).join('; ');
}

export function ProcedureStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useCounterT();
  const tc = useCommonT();
  const { procedure } = form;
  const problem = form.errorOf('procedure');
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('stepProcedure')}</h2>
      {procedure ? (
        <div>
          <p><strong>{t('procedureChosen')}:</strong> {procedure.name} ({procedure.code})</p>
          <p>{t('duration', { duration: procedureDuration(tc, procedure) })} · {t('fees', { fees: feesText(t, procedure) })}</p>
          <Button kind="secondary" onClick={form.clearProcedure}>{t('procedureChange')}</Button>
        </div>
      ) : (
        <>
          <ProcedurePicker onChoose={(code) => void form.chooseProcedure(code)} />
          {form.procedureLoading && <p role="status">{t('procedureLoading')}</p>}
          {problem && <p className="field__error">{problem}</p>}
        </>
      )}
    </section>
  );
}
