// "Tra cứu hồ sơ": search in scope, open a dossier.
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import { DossierSearch } from './DossierSearch';
import { dossierPath } from './DossierPage';
import { useProcessingT } from './i18n';
import './processing.css';

export function SearchPage() {
  const t = useProcessingT();
  return (
    <div>
      <PageHeading title={t('searchTitle')} lead={t('searchIntro')} />
      <DossierSearch actionHeader={t('colCode')}
        renderAction={(item) => <Link to={dossierPath(item.code)}>{t('dossierTitle', { code: item.code })}</Link>} />
    </div>
  );
}
