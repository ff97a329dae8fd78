// The refusal, and nothing else of the page the user may not open.
import { useTranslation } from 'react-i18next';
import { paths } from '../routes';
import { useDocumentTitle } from './page';
import { Link } from './router';

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div className="narrow" data-page="forbidden">
      <h1 tabIndex={-1}>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
      <p><Link to={paths.home}>{t('forbidden.back')}</Link></p>
    </div>
  );
}
