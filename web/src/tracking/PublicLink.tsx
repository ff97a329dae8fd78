// The link under a public page (to the sign-in page) or under the sign-in page (to public tracking).
import { Link } from '../ui/router';
import { useTrackingT } from './i18n';

export function PublicLink({ to, text }: { readonly to: string; readonly text: 'toLogin' | 'loginLink' }) {
  const t = useTrackingT();
  return <p className="narrow public-link"><Link to={to}>{t(text)}</Link></p>;
}
