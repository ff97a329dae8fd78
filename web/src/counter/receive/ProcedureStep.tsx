// Step 1: the procedure, searched by name or code; once chosen, its case, place, time limit and fees.
import { useCounterT } from '../i18n';
import { ProcedurePicker } from '../ProcedurePicker';
import { Button } from '../../ui/Button';
import { CaseAndPlace } from './CaseAndPlace';
import type { ReceiveForm } from './useReceiveForm';
import { Section } from '../../ui/Section';

export function ProcedureStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useCounterT();
  const { procedure } = form;
  const problem = form.errorOf('procedure');
  return (
    <Section headingId={headingId} title={t('stepProcedure')}>
      {procedure ? (
        <div>
          <p><strong>{t('procedureChosen')}:</strong> {procedure.name} ({procedure.code})</p>
          <CaseAndPlace procedure={procedure} state={form.caseAndPlace} validOn={form.today} placeError={form.errorOf('place')} />
          <Button kind="secondary" onClick={form.clearProcedure}>{t('procedureChange')}</Button>
        </div>
      ) : (
        <>
          <ProcedurePicker onChoose={(code) => void form.chooseProcedure(code)} />
          {form.procedureLoading && <p role="status">{t('procedureLoading')}</p>}
          {problem && <p className="field__error">{problem}</p>}
        </>
      )}
    </Section>
  );
}
