// Which mail and SMS adapters the configuration selects: the real ones when their server is
// configured, the local simulators otherwise.
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { createMailSimulator } from './mail-simulator';
import { createSmtpSender, type MailSender } from './mail';
import { createSmsGateway } from './sms-gateway';
import { createSmsSimulator } from './sms-simulator';
import type { SmsSender } from './sms';

export interface Senders {
  readonly mail: MailSender;
  readonly sms: SmsSender;
}

export type SenderConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsUrl' | 'smsToken' | 'smsBrandname'>;

export function sendersFromConfig(deps: { readonly db: Database; readonly clock: Clock }, config: SenderConfig): Senders {
  const mail = config.smtpUrl && config.mailFrom
    ? createSmtpSender({ url: config.smtpUrl, from: config.mailFrom })
    : createMailSimulator(deps, config.mailFrom);
  const sms = config.smsUrl && config.smsToken
    ? createSmsGateway({ url: config.smsUrl, token: config.smsToken, brandname: config.smsBrandname })
    : createSmsSimulator(deps);
  return { mail, sms };
}
