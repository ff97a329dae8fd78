// "Quên mật khẩu" (issue 15 §1): the account's phone or e-mail, the code sent to it, a new password;
// then the citizen is signed in with it and lands on "Hồ sơ của tôi".
import { publicPaths as paths } from '../../public-paths';
import { Link } from '../../ui/router';
import { useDocumentTitle } from '../../ui/page';
import { resetPassword, sendAccountCode } from './api';
import { CodePasswordForm } from './CodePasswordForm';
import { usePortalAccountT } from './i18n';
import './account.css';

export function ForgotPasswordPage() {
  const t = usePortalAccountT();
  useDocumentTitle(t('forgotTitle'));
  return (
    <div className="narrow portal-account">
      <h1 tabIndex={-1}>{t('forgotTitle')}</h1>
      <p className="lead">{t('forgotIntro')}</p>
      <CodePasswordForm name="reset-channel" sendCode={(c) => sendAccountCode(c, 'reset')}
        passwordLabel={t('newPassword')} submitText={t('savePassword')} busyText={t('saving')}
        act={(contact, code, password) => resetPassword(contact, { code, password })}
        next={paths.myDossiers} />
      <p className="portal-account__links"><Link to={paths.signIn}>{t('haveAccount')}</Link> · <Link to={paths.register}>{t('registerLink')}</Link></p>
    </div>
  );
}
