// Fees by case × channel × basis: an amount per dossier, per page (with tiers from a page and a
// cap per copy) or per copy; for some channels (online may be cheaper) and some case, or all.
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FieldGroup, SelectField } from '../form-parts';
import { feeBases, feeChannels, type Fee, type FeeChannel, type ProcedureCase } from './api';
import { CheckField, numberOf, textOfNumber } from './inputs';
import { useCatalogAdminT } from './i18n';

/** Channels after ticking one: every channel ticked is "all channels" (null). */
function toggled(channels: Fee['channels'], channel: FeeChannel, on: boolean): FeeChannel[] | null {
  const now = new Set(channels ?? feeChannels);
  if (on) now.add(channel); else now.delete(channel);
  return now.size === feeChannels.length ? null : feeChannels.filter((c) => now.has(c));
}

function FeeItem({ fee, n, cases, onChange, onRemove }: {
  readonly fee: Fee; readonly n: number; readonly cases: readonly ProcedureCase[]; readonly onChange: (fee: Fee) => void; readonly onRemove: () => void;
}) {
  const t = useCatalogAdminT();
  const set = (patch: Partial<Fee>) => onChange({ ...fee, ...patch });
  const basis = fee.basis ?? 'fixed';
  const tiers = fee.tiers ?? [];
  const vnd = (text: string) => numberOf(text, true);
  return (
    <fieldset className="admin-group catalog-item">
      <legend>{t('feeN', { n })}</legend>
      <Field label={t('feeName')} value={fee.name} onChange={(e) => set({ name: e.target.value })} maxLength={500} />
      <div className="admin-grid">
        <Field label={t('amountVnd')} hint={t('amountHint')} type="number" min={0} step={1000} value={textOfNumber(fee.amountVnd)} onChange={(e) => set({ amountVnd: vnd(e.target.value) })} />
        <SelectField label={t('basis')} value={basis} options={feeBases} optionText={(b) => t(`basis_${b}`)}
          onChange={(b) => { if (b) set(b === 'per_page' ? { basis: b } : { basis: b, tiers: [], maxPerCopyVnd: null }); }} />
        <SelectField label={t('appliesToCase')} value={fee.caseKey ?? ''} options={cases.map((c) => c.key)} placeholder={t('allCases')}
          optionText={(k) => cases.find((c) => c.key === k)?.name || k} onChange={(k) => set({ caseKey: k === '' ? null : k })} />
      </div>
      <fieldset className="catalog-channels">
        <legend>{t('channels')}</legend>
        {feeChannels.map((c) => (
          <CheckField key={c} label={t(`channel_${c}`)} checked={!fee.channels || fee.channels.includes(c)} onChange={(on) => set({ channels: toggled(fee.channels, c, on) })} />
        ))}
      </fieldset>
      {basis === 'per_page' && (
        <div className="admin-grid">
          {tiers.map((tier, i) => (
            <div key={i} className="catalog-tier">
              <Field label={t('tierFrom')} type="number" min={2} value={textOfNumber(tier.fromPage)}
                onChange={(e) => set({ tiers: tiers.map((x, j) => (j === i ? { ...x, fromPage: numberOf(e.target.value, false) ?? Number.NaN } : x)) })} />
              <Field label={t('tierAmount')} type="number" min={0} value={textOfNumber(tier.amountVnd)}
                onChange={(e) => set({ tiers: tiers.map((x, j) => (j === i ? { ...x, amountVnd: numberOf(e.target.value, false) ?? Number.NaN } : x)) })} />
              <Button kind="danger" onClick={() => set({ tiers: tiers.filter((_, j) => j !== i) })}>{t('remove')}</Button>
            </div>
          ))}
          <Field label={t('maxPerCopyVnd')} type="number" min={0} value={textOfNumber(fee.maxPerCopyVnd)} onChange={(e) => set({ maxPerCopyVnd: vnd(e.target.value) })} />
          <div><Button onClick={() => set({ tiers: [...tiers, { fromPage: 3, amountVnd: 0 }] })}>{t('addTier')}</Button></div>
        </div>
      )}
      <Field label={t('feeNote')} value={fee.note ?? ''} onChange={(e) => set({ note: e.target.value.trim() === '' ? null : e.target.value })} maxLength={1000} />
      <Button kind="danger" onClick={onRemove}>{t('remove')} — {t('feeN', { n })}</Button>
    </fieldset>
  );
}

export function FeesEditor({ fees, cases, onChange }: { readonly fees: readonly Fee[]; readonly cases: readonly ProcedureCase[]; readonly onChange: (fees: Fee[]) => void }) {
  const t = useCatalogAdminT();
  return (
    <FieldGroup legend={t('feesTitle')}>
      {fees.length === 0 && <p className="muted">{t('noFees')}</p>}
      {fees.map((f, i) => (
        <FeeItem key={i} fee={f} n={i + 1} cases={cases}
          onChange={(fee) => onChange(fees.map((x, j) => (j === i ? fee : x)))} onRemove={() => onChange(fees.filter((_, j) => j !== i))} />
      ))}
      <Button onClick={() => onChange([...fees, { name: '', amountVnd: 0, note: null, channels: null, caseKey: null, basis: 'fixed' }])}>{t('addFee')}</Button>
    </FieldGroup>
  );
}
