// A bundle's member waiting for another member's result (issue 17): "Chờ kết quả của hồ sơ <mã>"
// instead of any action — the server receives it when that result is ready and refuses what a
// person does to it by hand (src/bundles/member-actions.ts; withdrawn only with the whole bundle).
import { useBundleT } from './bundle-i18n';
import { paths } from '../routes';
import { Link } from '../ui/router';

/** `name`: the procedure of the member waited for, when known ("Chờ kết quả của hồ sơ … (thủ tục …)"). */
export function WaitingFor({ code, name, hint = false }: { readonly code: string; readonly name?: string | undefined; readonly hint?: boolean }) {
  const b = useBundleT();
  const [before, after] = (name ? b('waitingForNamed', { code: '\u0000', name }) : b('waitingFor', { code: '\u0000' })).split('\u0000');
  return (
    <span className="bundle-waiting" data-waiting-for={code}>
      {code === '' ? b('waitingForUnknown') : <>{before}<Link to={`${paths.processingDossier}/${encodeURIComponent(code)}`}>{code}</Link>{after}</>}
      {hint && <><br /><span className="field__hint">{b('waitingForHint')}</span></>}
    </span>
  );
}
