// Where the code goes: the phone or the e-mail (one of two), the field for it, "Gửi mã xác thực",
// and once sent, where it went and for how long; errors (too many codes, not a mobile number) below.
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { RadioChoice } from '../../ui/RadioChoice';
import type { Channel } from './api';
import { usePortalAccountT } from './i18n';
import type { CodeRequest } from './useCodeRequest';

const channels: readonly Channel[] = ['phone', 'email'];

export function CodeRequestFields({ request, name, fixedChannel }: { readonly request: CodeRequest; readonly name: string; readonly fixedChannel?: boolean }) {
  const t = usePortalAccountT();
  const { contact, sent } = request;
  const isPhone = contact.channel === 'phone';
  return (
    <>
      {!fixedChannel && <RadioChoice legend={t('channelLegend')} name={name} options={channels} value={contact.channel}
        label={(c) => t(c === 'phone' ? 'channel_phone' : 'channel_email')} onChange={request.setChannel} />}
      <Field label={isPhone ? t('phone') : t('email')} hint={isPhone ? t('phoneHint') : t('emailHint')} value={contact.value}
        error={request.problem} type={isPhone ? 'tel' : 'email'} inputMode={isPhone ? 'tel' : 'email'} autoComplete={isPhone ? 'tel' : 'email'}
        autoCapitalize="none" spellCheck={false} onChange={(e) => request.setValue(e.target.value)} />
      <div className="form__actions">
        <Button kind={sent ? 'secondary' : 'primary'} disabled={request.sending} onClick={() => void request.send()}>
          {request.sending ? t('sending') : sent ? t('sendAgain') : t('sendCode')}
        </Button>
      </div>
      {sent && <Notice tone="success">{t(sent.channel === 'sms' ? 'codeSent_sms' : 'codeSent_mail', { to: sent.sentTo, minutes: sent.validMinutes })}</Notice>}
      <ErrorNotice error={request.error} />
    </>
  );
}
