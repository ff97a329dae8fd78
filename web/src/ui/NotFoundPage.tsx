import { useTranslation } from 'react-i18next';
import { paths } from '../routes';
import { useDocumentTitle } from './page';
import { Link } from './router';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p><Link to={paths.home}>{t('notFound.back')}</Link></p>
    </div>
  );
}
