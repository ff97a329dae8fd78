// One version of a procedure as it reads: general facts, cases with their time limits, papers
// and fees (each list a DataTable, cards on a phone).
import { DataTable } from '../../ui/DataTable';
import type { Fee, Paper, ProcedureCase, ProcedureVersion } from './api';
import { durationText, feeAmountText, fieldLabel } from './describe';
import { useCatalogAdminT, type CatalogAdminT } from './i18n';

function bodyText(v: ProcedureVersion, t: CatalogAdminT): string {
  const b = v.competentBody;
  if (!b) return t('bodyNone');
  const fn = b.functionCode ? ` (${b.functionCode})` : '';
  return `${t(`body_${b.kind}`)}${fn}, ${t(`bodyLevel_${b.level}`)}`;
}

export function VersionView({ version: v }: { readonly version: ProcedureVersion }) {
  const t = useCatalogAdminT();
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const caseName = (key: string | null | undefined) => (key ? v.cases.find((c) => c.key === key)?.name ?? key : t('allCases'));
  const facts: [string, string][] = [
    [t('f_name'), v.name],
    [t('f_field'), v.field],
    [t('f_competentLevel'), t(`level_${v.competentLevel}`)],
    [t('f_competentAgency'), v.competentAgency],
    [t('f_competentBody'), bodyText(v, t)],
    [t('f_durationValue'), durationText(v.durationValue, v.durationUnit, v.cutoff, t)],
    [t('f_onlineLevel'), t(`online_${v.onlineLevel}`)],
    [t('f_postalAllowed'), yesNo(v.postalAllowed)],
    [t('f_filingAnywhere'), yesNo(v.filingAnywhere)],
    [t('f_placeTied'), yesNo(v.placeTied)],
    [t('f_resultType'), t(`result_${v.resultType}`)],
    [t('f_resultDescription'), v.resultDescription ?? '—'],
  ];
  const caseColumns = [
    { key: 'name', header: t('colCase'), cell: (c: ProcedureCase) => c.name },
    { key: 'duration', header: t('colDuration'), cell: (c: ProcedureCase) => durationText(c.durationValue, c.durationUnit, c.cutoff, t) },
  ];
  const paperColumns = [
    { key: 'name', header: t('colPaper'), cell: (p: Paper) => <>{p.name}{p.note && <span className="muted"> — {p.note}</span>}</> },
    { key: 'counts', header: t('colCounts'), cell: (p: Paper) => t('paperCounts', { originals: p.originals, copies: p.copies }) },
    { key: 'req', header: t('colRequirement'), cell: (p: Paper) => t(`req_${p.requirement ?? 'required'}`) },
  ];
  const feeColumns = [
    { key: 'name', header: t('colFee'), cell: (f: Fee) => f.name },
    { key: 'amount', header: t('colAmount'), cell: (f: Fee) => feeAmountText(f, t) },
    { key: 'channels', header: t('colChannels'), cell: (f: Fee) => (f.channels ? f.channels.map((c) => t(`channel_${c}`)).join(', ') : t('allChannels')) },
    { key: 'case', header: t('colAppliesTo'), cell: (f: Fee) => caseName(f.caseKey) },
  ];
  return (
    <div className="catalog-version">
      <h3>{t('general')}</h3>
      <dl className="catalog-facts">
        {facts.map(([k, value]) => <div key={k}><dt>{k}</dt><dd>{value}</dd></div>)}
      </dl>
      {v.defaultsApplied.length > 0 && <p className="muted">{t('defaultsNote', { fields: v.defaultsApplied.map((d) => fieldLabel(d.field, t)).join(', ') })}</p>}
      <h3>{t('casesTitle')}</h3>
      {v.cases.length === 0 ? <p className="muted">{t('noCases')}</p> : <DataTable columns={caseColumns} rows={v.cases} rowKey={(c) => c.key} />}
      <h3>{t('papersTitle')}</h3>
      {v.requiredPapers.length === 0 ? <p className="muted">{t('noPapers')}</p> : <DataTable columns={paperColumns} rows={v.requiredPapers} rowKey={(p) => p.key} />}
      <h3>{t('feesTitle')}</h3>
      {v.fees.length === 0 ? <p className="muted">{t('noFees')}</p> : <DataTable columns={feeColumns} rows={v.fees} rowKey={(f) => `${f.name}|${(f.channels ?? []).join()}|${f.caseKey ?? ''}|${f.amountVnd ?? ''}`} />}
    </div>
  );
}
