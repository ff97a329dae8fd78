// Fees, postage and payment, then both signatures and the seal (TT 17 art. 9: the consignment note
// signed by the sender and the courier). What the draft still lacks is listed above the button.
import { ErrorNotice } from '../../ui/ErrorNotice';
import { errorMessage } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Button } from '../../ui/Button';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../api';
import { usePostalT } from '../i18n';
import { formatVnd } from '../money';
import { SignaturePad } from '../SignaturePad';
import type { PickupTask } from './usePickupTask';
import type { Sealing } from './useSealing';
import { RadioChoice } from '../../ui/RadioChoice';

const methods = ['cash', 'transfer', 'card', 'qr'] as const satisfies readonly PaymentMethod[];

export function SealCard({ task, sealing: s }: { readonly task: PickupTask; readonly sealing: Sealing }) {
  const t = usePostalT();
  const { t: tApp } = useTranslation();
  const c = s.charges.status === 'ready' ? s.charges.value : null;
  const problems = task.problems ?? [];
  return (
    <>
      <section className="section courier-step" aria-labelledby="charges-h">
        <h2 id="charges-h">{t('stepCharges')}</h2>
        <Field label={t('weight')} hint={t('weightHint')} inputMode="numeric" className="field__input field__input--large" value={task.weight}
          error={task.weight === '' || task.grams !== null ? null : t('weightInvalid')} onChange={(e) => task.setWeight(e.target.value)} />
        {s.charges.status === 'failed' && <Notice tone="error">{errorMessage(s.charges.error, tApp)}</Notice>}
        {c && (
          <dl className="charges">
            {c.fees.map((f, i) => (f.amountVnd !== null
              ? <div key={i}><dt>{f.label}</dt><dd>{formatVnd(f.amountVnd)}</dd></div>
              : <div key={i}><dt>{f.label}</dt><dd><Field label={t('feeCounted', { formula: f.formula ?? '' })} inputMode="numeric" value={s.typed[i] ?? ''}
                  onChange={(e) => s.setTyped({ ...s.typed, [i]: e.target.value.replace(/\D/g, '') })} /></dd></div>))}
            <div><dt>{t('postage', { grams: c.postage.weightGrams })}</dt><dd>{formatVnd(c.postage.amountVnd)}</dd></div>
            <div className="charges__total"><dt>{t('total')}</dt><dd>{formatVnd(s.totalVnd)}</dd></div>
          </dl>
        )}
        <RadioChoice legend={t('paymentLegend')} name="payment" options={methods} value={s.method} label={(m) => t(`pay_${m}`)} onChange={s.setMethod} />
      </section>
      <section className="section courier-step" aria-labelledby="sign-h">
        <h2 id="sign-h">{t('stepSign')}</h2>
        <SignaturePad legend={t('applicantSigns')} withId
          value={{ ...s.applicantSig, name: s.applicantSig.name || task.applicant.name, personalId: s.applicantSig.personalId || task.applicant.personalId }}
          onChange={s.setApplicantSig} />
        <SignaturePad legend={t('courierSigns')} fixedName value={s.courierSig} onChange={s.setCourierSig} />
        <ErrorNotice error={s.seal.error}
          problems={{ lead: t('stillMissing'), lines: [...problems.map((p) => p.message), ...(s.missing ? [t(`missing_${s.missing}` as 'missing_weight')] : [])] }} />
        <div className="form__actions">
          <Button kind="primary" disabled={s.seal.busy || task.save.busy} onClick={() => void task.saveNow().then((a) => { if (a && a.problems.length === 0) void s.submit(); })}>
            {s.seal.busy ? t('sealing') : t('seal', { amount: formatVnd(s.totalVnd) })}
          </Button>
        </div>
      </section>
    </>
  );
}
