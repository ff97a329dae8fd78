// A booking step already answered: what was chosen, and the button to change it (when it may change).
import { Button } from '../../ui/Button';
import { usePortalT } from '../i18n';

export function Done({ label, value, onChange }: { readonly label: string; readonly value: string; readonly onChange?: () => void }) {
  const t = usePortalT();
  return <p className="portal-done"><span><strong>{label}:</strong> {value}</span> {onChange && <Button kind="secondary" onClick={onChange}>{t('change')}</Button>}</p>;
}
