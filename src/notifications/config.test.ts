// The outgoing channels' configuration (src/platform/config.ts): simulators by default, the real
// adapters when configured, and a clear Vietnamese error at start for a bad value — never with a
// password or token in it.
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { outboxDeliveryJob } from './delivery';
import { sendersFromConfig } from './senders';

const env = (o: Record<string, string>) => ({ MOTCUA_WEB_DIR: '/nonexistent', ...o });
const noDb = {} as Database; // the senders only touch the database when they send
const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));

describe('outgoing channels configuration', () => {
  it('defaults to the simulators and 10 attempts', () => {
    const c = loadConfig(env({}));
    expect(c).toMatchObject({ smtpUrl: undefined, mailFrom: undefined, smsUrl: undefined, smsToken: undefined, smsBrandname: undefined, outboxMaxAttempts: 10 });
    const s = sendersFromConfig({ db: noDb, clock }, c);
    expect(s.mail.description).toContain('giả lập thư');
    expect(s.sms.description).toContain('giả lập SMS');
  });

  it('selects SMTP and the HTTP gateway when configured, and says so without secrets', () => {
    const c = loadConfig(env({
      MOTCUA_SMTP_URL: 'smtp://motcua:s%C3%AAcret@mail.dongthap.gov.vn:587', MOTCUA_MAIL_FROM: 'Một cửa <motcua@dongthap.gov.vn>',
      MOTCUA_SMS_URL: 'https://sms.example.vn/api/send', MOTCUA_SMS_TOKEN: 'tok_0123456789', MOTCUA_SMS_BRANDNAME: 'DONGTHAP', MOTCUA_OUTBOX_MAX_ATTEMPTS: '5',
    }));
    expect(c).toMatchObject({ smtpUrl: 'smtp://motcua:s%C3%AAcret@mail.dongthap.gov.vn:587', smsUrl: 'https://sms.example.vn/api/send', smsToken: 'tok_0123456789', outboxMaxAttempts: 5 });
    const lines: string[] = [];
    outboxDeliveryJob({ db: noDb, clock, config: c }, { log: (l) => lines.push(l) });
    expect(lines).toEqual([
      'Gửi thư: máy chủ SMTP smtp://mail.dongthap.gov.vn:587 (người gửi Một cửa <motcua@dongthap.gov.vn>)',
      'Gửi SMS: cổng SMS HTTP sms.example.vn (tên định danh DONGTHAP)',
    ]);
    expect(lines.join('\n')).not.toMatch(/s%C3%AAcret|tok_/);
  });

  it('logs which simulator is active', () => {
    const lines: string[] = [];
    const job = outboxDeliveryJob({ db: noDb, clock, config: loadConfig(env({})) }, { log: (l) => lines.push(l) });
    expect(job).toMatchObject({ name: 'notifications.deliver', cron: '* * * * *', runAtStart: true });
    expect(lines[0]).toMatch(/^Gửi thư: giả lập thư \(chưa đặt MOTCUA_SMTP_URL\)/);
    expect(lines[1]).toMatch(/^Gửi SMS: giả lập SMS \(chưa đặt MOTCUA_SMS_URL\)/);
  });

  it.each([
    [{ MOTCUA_SMTP_URL: 'http://user:pa55word@mail.example.vn' }, 'MOTCUA_SMTP_URL phải có dạng smtp://'],
    [{ MOTCUA_SMTP_URL: 'not a url pa55word' }, 'MOTCUA_SMTP_URL không phải là một URL'],
    [{ MOTCUA_SMTP_URL: 'smtp://user:pa55word@mail.example.vn' }, 'MOTCUA_MAIL_FROM là bắt buộc'],
    [{ MOTCUA_MAIL_FROM: 'motcua' }, 'MOTCUA_MAIL_FROM=motcua'],
    [{ MOTCUA_SMS_URL: 'http://sms.example.vn/send', MOTCUA_SMS_TOKEN: 'tok_pa55word' }, 'phải dùng https'],
    [{ MOTCUA_SMS_URL: 'https://sms.example.vn/send' }, 'MOTCUA_SMS_TOKEN là bắt buộc'],
    [{ MOTCUA_SMS_URL: 'https://sms.example.vn/send', MOTCUA_SMS_TOKEN: 'has space pa55word' }, 'MOTCUA_SMS_TOKEN phải gồm'],
    [{ MOTCUA_SMS_BRANDNAME: 'UBND tỉnh Đồng Tháp' }, 'MOTCUA_SMS_BRANDNAME'],
    [{ MOTCUA_OUTBOX_MAX_ATTEMPTS: '0' }, 'MOTCUA_OUTBOX_MAX_ATTEMPTS=0 (số nguyên 1–50)'],
  ])('refuses %j with a Vietnamese message', (values, message) => {
    let error: Error | null = null;
    try { loadConfig(env(values)); } catch (e) { error = e as Error; }
    expect(error?.message).toMatch(/^Cấu hình không hợp lệ: /);
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain('pa55word');
  });

  it('lets plain http reach a gateway on this machine', () => {
    expect(loadConfig(env({ MOTCUA_SMS_URL: 'http://127.0.0.1:9000/send', MOTCUA_SMS_TOKEN: 'tok_0123456789' })).smsUrl).toBe('http://127.0.0.1:9000/send');
  });
});
