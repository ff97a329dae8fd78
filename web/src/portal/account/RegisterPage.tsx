// "Đăng ký tài khoản" (issue 15 §1): a phone or an e-mail, the code sent to it, the name and a
// password; then the citizen is signed in and lands on "Tài khoản của tôi".
import { useState } from 'react';
import { publicPaths as paths } from '../../public-paths';
import { Field } from '../../ui/Field';
import { Link } from '../../ui/router';
import { useDocumentTitle } from '../../ui/page';
import { registerAccount, sendAccountCode } from './api';
import { CodePasswordForm } from './CodePasswordForm';
import { usePortalAccountT } from './i18n';
import './account.css';

export function RegisterPage() {
  const t = usePortalAccountT();
  useDocumentTitle(t('registerTitle'));
  const [fullName, setFullName] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const checkName = () => {
    const problem = fullName.trim() === '' ? t('fullNameRequired') : null;
    setNameProblem(problem);
    return problem === null;
  };
  return (
    <div className="narrow portal-account">
      <h1 tabIndex={-1}>{t('registerTitle')}</h1>
      <p className="lead">{t('registerIntro')}</p>
      <CodePasswordForm name="register-channel" sendCode={(c) => sendAccountCode(c, 'register')}
        extra={<Field label={t('fullName')} value={fullName} error={nameProblem} autoComplete="name" onChange={(e) => setFullName(e.target.value)} />}
        checkExtra={checkName} passwordLabel={t('password')} submitText={t('createAccount')} busyText={t('creating')}
        act={async (contact, code, password) => { await registerAccount(contact, { code, fullName: fullName.trim(), password }); }}
        next={paths.myAccount} />
      <p className="portal-account__links"><Link to={paths.signIn}>{t('haveAccount')}</Link></p>
    </div>
  );
}
