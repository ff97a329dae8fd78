// The confirmation after submit: the dossier's code and tracking PIN, and where to follow it.
import type { Submitted } from '../api';
import { paths } from '../../routes';
import { Link } from '../../ui/router';
import { useOnlineT } from '../i18n';

export function SubmittedView({ result, onAnother }: { readonly result: Submitted; readonly onAnother?: () => void }) {
  const t = useOnlineT();
  return (
    <section className="section online-done" aria-labelledby="online-done" role="status">
      <h2 id="online-done" tabIndex={-1}>{t('doneTitle', { code: result.code })}</h2>
      <p>{t('doneLead')}</p>
      <dl className="online-done__facts">
        <dt>{t('doneCode')}</dt><dd><strong>{result.code}</strong></dd>
        <dt>{t('donePin')}</dt><dd><strong>{result.trackingPin}</strong></dd>
      </dl>
      <p><Link to={`${paths.tracking}?ma=${encodeURIComponent(result.code)}`}>{t('doneTrack')}</Link></p>
      {onAnother && <p><button type="button" className="linklike" onClick={onAnother}>{t('doneAnother')}</button></p>}
    </section>
  );
}
