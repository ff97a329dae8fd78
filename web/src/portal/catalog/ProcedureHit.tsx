// One procedure in the search's list: its name as the link to its page, then what a citizen
// weighs first (deciding agency, time, whether it can be filed online or by post).
import { durationText, useCommonT } from '../../i18n/common';
import { publicPaths as paths } from '../../public-paths';
import { Link } from '../../ui/router';
import type { ProcedureSummary } from './api';
import { useProcedureInfoT } from './i18n';

export const procedurePath = (code: string) => `${paths.portalProcedures}/${encodeURIComponent(code)}`;

export function ProcedureHit({ procedure: p }: { readonly procedure: ProcedureSummary }) {
  const t = useProcedureInfoT();
  const tc = useCommonT();
  return (
    <article className="portal-procedure">
      <h2><Link to={procedurePath(p.code)}>{p.name}</Link></h2>
      <p>{p.competentAgency} · {durationText(tc, p.durationValue, p.durationUnit)}</p>
      <p>{t(`online_${p.onlineLevel}`)}{p.postalAllowed ? ` ${t('postal_yes')}` : ''}</p>
    </article>
  );
}
