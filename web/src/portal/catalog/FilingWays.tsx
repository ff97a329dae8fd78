// The ways to file a procedure, each with the action that starts it: book a time at a counter
// (any counter of the province where the procedure is "phi địa giới"), file online where the
// procedure allows it (h-online's e-form), and whether the post may carry the dossier.
import { buttonClass } from '../../ui/Button';
import { Link } from '../../ui/router';
import { bookingPathFor } from '../api';
import { onlineFilingPath, type Procedure } from './api';
import type { FilingWay } from './eligibility';
import { useProcedureInfoT } from './i18n';

/** The actions: every way the procedure allows, or the one way the eligibility questions chose. */
export function FilingActions({ procedure, chosen }: { readonly procedure: Procedure; readonly chosen?: FilingWay }) {
  const t = useProcedureInfoT();
  const online = procedure.onlineLevel !== 'none' && (chosen === undefined || chosen === 'online');
  return (
    <p className="portal-actions">
      {online && <Link to={onlineFilingPath(procedure.code)} className={buttonClass('primary')}>{t('fileOnline')}</Link>}
      <Link to={bookingPathFor(procedure.code)} className={buttonClass(online ? 'secondary' : 'primary')}>{t('book')}</Link>
    </p>
  );
}

export function FilingWays({ procedure }: { readonly procedure: Procedure }) {
  const t = useProcedureInfoT();
  return (
    <section aria-labelledby="portal-where">
      <h2 id="portal-where">{t('where')}</h2>
      <ul>
        <li>{procedure.filingAnywhere ? t('anywhere') : t('atCompetent', { agency: procedure.competentAgency })}</li>
        <li>{t(`online_${procedure.onlineLevel}`)}</li>
        <li>{procedure.postalAllowed ? t('postal_yes') : t('postal_no')}</li>
      </ul>
      <FilingActions procedure={procedure} />
    </section>
  );
}
