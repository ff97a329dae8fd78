// "Tra cứu hồ sơ": search in scope, open a dossier.
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { DossierSearch } from './DossierSearch';
import { dossierPath } from './DossierPage';
import { useProcessingT } from './i18n';
import './processing.css';

export function SearchPage() {
  const t = useProcessingT();
  useDocumentTitle(t('searchTitle'));
  return (
    <div>
      <h1 tabIndex={-1}>{t('searchTitle')}</h1>
      <p className="lead">{t('searchIntro')}</p>
      <DossierSearch actionHeader={t('colCode')}
        renderAction={(item) => <Link to={dossierPath(item.code)}>{t('dossierTitle', { code: item.code })}</Link>} />
    </div>
  );
}
