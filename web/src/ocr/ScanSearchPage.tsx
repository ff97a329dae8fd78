// "Tìm trong bản quét": search the recognised text of scans in scope; the scans that could not be read.
import type { User } from '../api/types';
import { userCan } from '../api/types';
import { HeadedPage } from '../ui/PageHeading';
import { OcrFailures } from './OcrFailures';
import { ScanSearch } from './ScanSearch';
import { useOcrT } from './i18n';

export function ScanSearchPage({ user }: { readonly user: User }) {
  const t = useOcrT();
  return (
    <HeadedPage title={t('title')} lead={t('intro')}>
      <ScanSearch />
      <OcrFailures canRetry={userCan(user, 'documents.ocr')} />
    </HeadedPage>
  );
}
