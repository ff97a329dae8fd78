// Citizen accounts against PostgreSQL and the SMS simulator: a phone's code opens the account,
// another code resets its password; a clerk's check of the card verifies the personal ID, and only
// then does the account see the dossiers filed at a counter under that ID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../accounts/login';
import { actorOfUser } from '../accounts/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { receiveDossier, searchDossiers } from '../dossiers/service';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { isDomainError } from '../platform/errors';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { citizenAccountFor, registerCitizen, resetPasswordByPhone, sendAccountCode, verifyCardAtCounter } from './service';

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db); // Monday 2 March 2026, 09:00 Vietnam time
});
afterAll(async () => { await t?.close(); });

const codeOf = (e: unknown) => (isDomainError(e) ? e.code : String(e));
const ctx = () => ({ db: t.db, clock: w.clock, actor: null });
async function codeSentTo(phone84: string): Promise<string> {
  const text = (await t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', phone84).orderBy('id', 'desc').executeTakeFirstOrThrow()).text;
  return /\b(\d{6})\b/.exec(text)?.[1] ?? '';
}
async function actorOf(username: string) {
  return actorOfUser(await t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow());
}

describe('citizen accounts', () => {
  it('opens an account with the code sent to 0912 000 111, signs in with the number, resets the password by a new code', async () => {
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    await sendAccountCode({ ...ctx(), sms }, { phone: '0912 000 111', purpose: 'register', clientAddress: '10.2.0.1' });
    const wrong = await registerCitizen(ctx(), { phone: '0912000111', code: '000000', fullName: 'Lê Thị Mai', password: 'mai-2026-mat-khau' }).catch(codeOf);
    expect(wrong).toBe('ONE_TIME_CODE_WRONG');
    const account = await registerCitizen(ctx(), { phone: '0912000111', code: await codeSentTo('84912000111'), fullName: 'Lê Thị Mai', password: 'mai-2026-mat-khau', personalId: '087190004321' });
    expect(account).toMatchObject({ username: '0912000111', personalIdVerified: false });
    expect((await login(ctx(), { username: '0912000111', password: 'mai-2026-mat-khau', clientAddress: '10.2.0.1' }, 12)).user.role).toBe('citizen');

    // the same phone cannot open a second account, even with a fresh code
    await sendAccountCode({ ...ctx(), sms }, { phone: '0912000111', purpose: 'register', clientAddress: '10.2.0.1' });
    expect(await registerCitizen(ctx(), { phone: '0912000111', code: await codeSentTo('84912000111'), fullName: 'Lê Thị Mai', password: 'mai-2026-khac-nua' }).catch(codeOf)).toBe('ACCOUNT_EXISTS');

    // a register code does not reset a password: the purposes differ
    await sendAccountCode({ ...ctx(), sms }, { phone: '0912000111', purpose: 'register', clientAddress: '10.2.0.1' });
    expect(await resetPasswordByPhone(ctx(), { phone: '0912000111', code: await codeSentTo('84912000111'), password: 'mai-moi-2026-03' }).catch(codeOf)).toBe('ONE_TIME_CODE_EXPIRED');
    w.clock.set(new Date('2026-03-02T09:20:00+07:00')); // past the phone's 3 codes in 15 minutes
    await sendAccountCode({ ...ctx(), sms }, { phone: '0912000111', purpose: 'reset', clientAddress: '10.2.0.1' });
    await resetPasswordByPhone(ctx(), { phone: '0912000111', code: await codeSentTo('84912000111'), password: 'mai-moi-2026-03' });
    expect((await login(ctx(), { username: '0912000111', password: 'mai-moi-2026-03', clientAddress: '10.2.0.1' }, 12)).user.username).toBe('0912000111');
  });

  it('sees the counter dossiers of its personal ID only once a clerk has checked the card', async () => {
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    await sendAccountCode({ ...ctx(), sms }, { phone: '0912000222', purpose: 'register', clientAddress: '10.2.0.2' });
    await registerCitizen(ctx(), { phone: '0912000222', code: await codeSentTo('84912000222'), fullName: 'Trần Văn Bình', password: 'binh-2026-mat-khau', personalId: '087090005555' });
    const filed = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087090005555', name: 'Trần Văn Bình' }));
    const before = await searchDossiers({ ...ctx(), actor: await actorOf('0912000222') }, { limit: 20 });
    expect(before.items.map((d) => d.code)).not.toContain(filed.code);

    expect(await verifyCardAtCounter({ ...ctx(), actor: w.actors.officer }, { username: '0912000222', personalId: '087090005555' }).catch(codeOf)).toBe('FORBIDDEN');
    expect(await verifyCardAtCounter({ ...ctx(), actor: w.actors.clerk }, { username: '0912000222', personalId: '087090005555' })).toMatchObject({ personalIdVerified: true });
    const after = await searchDossiers({ ...ctx(), actor: await actorOf('0912000222') }, { limit: 20 });
    expect(after.items.map((d) => d.code)).toContain(filed.code);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'citizen.personalIdVerified').executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe(w.actors.clerk.username);

    // a second account cannot take the same verified personal ID
    await sendAccountCode({ ...ctx(), sms }, { phone: '0912000333', purpose: 'register', clientAddress: '10.2.0.3' });
    await registerCitizen(ctx(), { phone: '0912000333', code: await codeSentTo('84912000333'), fullName: 'Trần Văn Bình', password: 'binh-2026-khac-ne' });
    expect(await verifyCardAtCounter({ ...ctx(), actor: w.actors.clerk }, { username: '0912000333', personalId: '087090005555' }).catch(codeOf)).toBe('PERSONAL_ID_HELD');
  });

  it('finds or opens the account of a citizen staff file for (assisted filing)', async () => {
    const opened = await citizenAccountFor(w.ctx(w.actors.clerk), { phone: '0912 000 444', fullName: 'Phạm Thị Cúc' });
    expect(opened).toMatchObject({ created: true, username: '0912000444', personalIdVerified: false });
    expect(await citizenAccountFor(w.ctx(w.actors.clerk), { phone: '0912000444', fullName: 'Phạm Thị Cúc' })).toMatchObject({ created: false, userId: opened.userId });
    expect(await citizenAccountFor(w.ctx(w.actors.clerk), { personalId: '087090005555', fullName: 'Trần Văn Bình' })).toMatchObject({ created: false, username: '0912000222' });
    expect(await citizenAccountFor(w.ctx(w.actors.citizen), { phone: '0912000555', fullName: 'X' }).catch(codeOf)).toBe('FORBIDDEN');
    expect(await citizenAccountFor(w.ctx(w.actors.clerk), { phone: '0281234567', fullName: 'X' }).catch(codeOf)).toBe('PHONE_NOT_MOBILE');
  });
});
