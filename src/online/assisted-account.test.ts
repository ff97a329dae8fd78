// Assisted online filing gives the citizen an account (issue 15 §3), on the real database: the
// confirmation by the citizen's code finds or opens the account for their phone, verifies the
// personal ID the clerk checked (never one another account holds verified), puts the dossier in
// the account's "Hồ sơ của tôi" and queues the SMS telling them how to sign in — once.
import { describe, expect, it } from 'vitest';
import { actorOfUsername } from '../accounts/service';
import { getDossier, searchDossiers } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import { planMessage } from '../notifications/templates';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { registerCitizen, sendAccountCode, verifyCardAtCounter } from '../identity/service';
import { createDraft, sendConfirmationCode, submitDraft, type OnlineContext } from './service';

const { w } = useWorld('2026-12-07T09:00:00+07:00');

const clerk = (): OnlineContext => ({ ...w.ctx(w.actors.communeClerk), payments: null, sms: createSmsSimulator({ db: w.db, clock: w.clock }) });

async function lastCode(phone84: string): Promise<string> {
  const sms = await w.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', phone84).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return /([0-9]{6})/.exec(sms.text)?.[1] ?? '';
}

/** Staff (a clerk unless told) file for the citizen and the citizen confirms with the code sent to the phone. */
async function fileAssisted(phone: string, personalId: string, name: string, ctx: OnlineContext = clerk()) {
  const draft = await createDraft(ctx, {
    procedureCode: w.procedureCode,
    applicant: { name, phone, personalId, unitCode: w.commune.code },
    formData: { fullName: name, personalId, gender: 'Nữ' },
    papers: [{ key: 'p1', source: 'uploaded', fileId: 101 }, { key: 'p2', source: 'uploaded', fileId: 102 }],
    delivery: { method: 'post', address: 'Số 5 đường Hùng Vương, xã Một' },
  });
  await sendConfirmationCode(ctx, draft.id, '127.0.0.9');
  const code = await lastCode(`84${phone.slice(1)}`);
  const filed = await submitDraft(ctx, draft.id, { code });
  return { draft, filed, again: await submitDraft(ctx, draft.id, { code }) };
}

const accountSms = (dossierCode: string) => w.db.selectFrom('outbox').select(['kind', 'payload'])
  .where('kind', '=', 'account.assistedFiling').where(({ eb }) => eb(eb.ref('payload', '->>').key('dossierCode' as never), '=', dossierCode)).execute();

const userOf = (username: string) => w.db.selectFrom('users').select(['id', 'personal_id', 'personal_id_verified_at', 'personal_id_verified_via'])
  .where('username', '=', username).execute();

describe('assisted filing gives the citizen an account', () => {
  it('opens one for a new phone, verifies the card\'s ID, shows the dossier in it and queues the SMS once', async () => {
    const { filed, again } = await fileAssisted('0977111222', '087190002222', 'Lê Thị Hoa');
    expect(again.code).toBe(filed.code);
    const rows = await userOf('0977111222');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ personal_id: '087190002222', personal_id_verified_via: 'counter' });
    const citizen = await actorOfUsername(w.db, '0977111222');
    expect(citizen?.scope).toEqual({ kind: 'self', personalId: '087190002222' });
    expect(await getDossier(w.ctx(citizen), filed.code)).toMatchObject({ code: filed.code, channel: 'online' });
    const mine = await searchDossiers(w.ctx(citizen), {});
    expect(mine.items.map((d) => d.code)).toContain(filed.code);
    const sms = await accountSms(filed.code);
    expect(sms).toHaveLength(1);
    const planned = planMessage({ kind: sms[0]!.kind, payload: sms[0]!.payload as Record<string, unknown> }, null, 'https://motcua.example.vn/');
    expect(planned).toEqual({ channel: 'sms', to: '84977111222',
      text: 'Tài khoản dịch vụ công của ông/bà đã được mở (tên đăng nhập 0977111222). Đăng nhập bằng VNeID hoặc đặt mật khẩu tại https://motcua.example.vn/quen-mat-khau để theo dõi hồ sơ ' + filed.code + '.' });
    const audit = await w.db.selectFrom('audit_log').select('action').where('entity', '=', 'user').where('entity_key', '=', String(rows[0]!.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['citizen.accountOpenedForFiling', 'citizen.personalIdVerified', 'citizen.assistedFilingConfirmed']));
  }, 60_000);

  it('finds the account the citizen already has, and does not open a second one', async () => {
    const anon = { ...w.ctx(null), sms: createSmsSimulator({ db: w.db, clock: w.clock }) };
    await sendAccountCode(anon, { phone: '0977333444', purpose: 'register', clientAddress: '127.0.0.8' });
    const own = await registerCitizen(anon, { phone: '0977333444', code: await lastCode('84977333444'), fullName: 'Đỗ Văn Nam', password: 'Mật-khẩu-rất-dài-2026' });
    const { filed } = await fileAssisted('0977333444', '087190003333', 'Đỗ Văn Nam');
    const users = await w.db.selectFrom('users').select('id').where('phone', '=', '84977333444').execute();
    expect(users.map((u) => u.id)).toEqual([own.userId]);
    const citizen = await actorOfUsername(w.db, '0977333444');
    expect(await getDossier(w.ctx(citizen), filed.code)).toMatchObject({ code: filed.code });
    const sms = await accountSms(filed.code);
    expect(sms.map((s) => (s.payload as Record<string, unknown>).created)).toEqual([false]);
  }, 60_000);

  it('never takes over a personal ID another account holds verified, nor re-verifies one', async () => {
    const anon = { ...w.ctx(null), sms: createSmsSimulator({ db: w.db, clock: w.clock }) };
    await sendAccountCode(anon, { phone: '0977555666', purpose: 'register', clientAddress: '127.0.0.7' });
    await registerCitizen(anon, { phone: '0977555666', code: await lastCode('84977555666'), fullName: 'Vũ Thị Lan', password: 'Mật-khẩu-rất-dài-2026' });
    await verifyCardAtCounter(w.ctx(w.actors.communeClerk), { username: '0977555666', personalId: '087190004444' });
    // the card's ID is held verified: filed from another phone, the dossier goes to the holder's account, no second one is opened
    const { filed } = await fileAssisted('0977777888', '087190004444', 'Vũ Thị Lan');
    expect(await userOf('0977777888')).toEqual([]);
    expect(await w.db.selectFrom('users').select('id').where('phone', '=', '84977777888').execute()).toEqual([]);
    expect(await getDossier(w.ctx(await actorOfUsername(w.db, '0977555666')), filed.code)).toMatchObject({ code: filed.code });
    // an account verified with one ID is never re-verified with another the clerk typed
    const other = await fileAssisted('0977555666', '087190009999', 'Vũ Thị Lan');
    expect(await userOf('0977555666')).toMatchObject([{ personal_id: '087190004444', personal_id_verified_via: 'counter' }]);
    expect(await w.db.selectFrom('users').select('id').where('personal_id', '=', '087190009999').execute()).toEqual([]);
    expect((await accountSms(other.filed.code)).map((s) => (s.payload as Record<string, unknown>).created)).toEqual([false]);
  }, 60_000);
});

describe('a postal worker files at the citizen\'s home', () => {
  it('the citizen confirms and gets the account, as with a clerk', async () => {
    const courier: OnlineContext = { ...w.ctx(w.actors.courier), payments: null, sms: createSmsSimulator({ db: w.db, clock: w.clock }) };
    const { filed } = await fileAssisted('0977222333', '087190006666', 'Trương Thị Mai', courier);
    expect(await userOf('0977222333')).toMatchObject([{ personal_id: '087190006666', personal_id_verified_via: 'counter' }]);
    expect((await accountSms(filed.code)).length).toBe(1);
  }, 60_000);
});

describe('the assisted submission and the account are one transaction', () => {
  it('a failure after the dossier was written leaves neither the dossier nor the account, and the retry makes both', async () => {
    // an account already named like the phone's username (but another phone): opening the citizen's
    // account fails after the intake statement wrote the dossier
    const blocker = await w.db.insertInto('users').values({
      username: '0977999000', full_name: 'Tài khoản khác', role: 'citizen', phone: null, email: null, personal_id: null,
      personal_id_verified_at: null, personal_id_verified_via: null, password_hash: 'x',
      scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
    }).returning('id').executeTakeFirstOrThrow();
    const ctx = clerk();
    const draft = await createDraft(ctx, {
      procedureCode: w.procedureCode,
      applicant: { name: 'Phan Văn Tâm', phone: '0977999000', personalId: '087190005555', unitCode: w.commune.code },
      formData: { fullName: 'Phan Văn Tâm', personalId: '087190005555', gender: 'Nam' },
      papers: [{ key: 'p1', source: 'uploaded', fileId: 101 }, { key: 'p2', source: 'uploaded', fileId: 102 }],
      delivery: { method: 'counter' },
    });
    const dossiersBefore = await w.db.selectFrom('dossiers').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await sendConfirmationCode(ctx, draft.id, '127.0.0.6');
    await expect(submitDraft(ctx, draft.id, { code: await lastCode('84977999000') })).rejects.toThrow();
    const dossiersAfter = await w.db.selectFrom('dossiers').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(dossiersAfter.n).toBe(dossiersBefore.n);
    expect(await w.db.selectFrom('online_drafts').select(['dossier_code', 'submitted_at']).where('id', '=', draft.id).executeTakeFirstOrThrow())
      .toEqual({ dossier_code: null, submitted_at: null });
    expect(await w.db.selectFrom('users').select('id').where('phone', '=', '84977999000').execute()).toEqual([]);
    expect(await w.db.selectFrom('idempotency_keys').select('key').where('key', '=', `online-draft-${draft.id}`).execute()).toEqual([]);
    // once the clash is gone, a new code and the same draft make the dossier and the account together
    await w.db.deleteFrom('users').where('id', '=', blocker.id).execute();
    await sendConfirmationCode(ctx, draft.id, '127.0.0.6');
    const filed = await submitDraft(ctx, draft.id, { code: await lastCode('84977999000') });
    expect(await userOf('0977999000')).toMatchObject([{ personal_id: '087190005555', personal_id_verified_via: 'counter' }]);
    expect((await accountSms(filed.code)).length).toBe(1);
    expect(await w.db.selectFrom('online_drafts').select('dossier_code').where('id', '=', draft.id).executeTakeFirstOrThrow()).toEqual({ dossier_code: filed.code });
  }, 90_000);
});
