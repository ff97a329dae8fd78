// "Tra cứu hồ sơ": search in scope, open a dossier.
import { HeadedPage } from '../ui/PageHeading';
import { DossierSearch } from './DossierSearch';
import { useProcessingT } from './i18n';
import './processing.css';

export function SearchPage() {
  const t = useProcessingT();
  return (
    <HeadedPage title={t('searchTitle')} lead={t('searchIntro')}>
      <DossierSearch />
    </HeadedPage>
  );
}
