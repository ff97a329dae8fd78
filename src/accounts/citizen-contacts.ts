// A citizen's own phone and e-mail ("Tài khoản của tôi", issue 15 §1): what the account holds and
// whether each was proved by a one-time code; a new phone or e-mail becomes the account's once the
// caller (src/identity) has checked the code sent to it. One verified phone or e-mail belongs to one
// citizen account only. And the sign-in by either: a citizen types the phone or the e-mail.
import type { Selectable } from 'kysely';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import type { UsersTable } from '../platform/db/schema';
import { conflict, notFound } from '../platform/errors';
import { citizenHolding, type VerifiedContact } from './citizens';
import { phoneAsWritten } from './references';
import { assertCan } from './policy';

export interface CitizenContacts {
  readonly username: string;
  readonly fullName: string;
  /** as the citizen writes it (0912…) */
  readonly phone: string | null;
  readonly phoneVerified: boolean;
  readonly email: string | null;
  readonly emailVerified: boolean;
}

const contactsOf = (u: Pick<Selectable<UsersTable>, 'username' | 'full_name' | 'phone' | 'phone_verified_at' | 'email' | 'email_verified_at'>): CitizenContacts => ({
  username: u.username, fullName: u.full_name,
  phone: phoneAsWritten(u.phone),
  phoneVerified: u.phone_verified_at !== null,
  email: u.email, emailVerified: u.email_verified_at !== null,
});

const columns = ['id', 'username', 'full_name', 'phone', 'phone_verified_at', 'email', 'email_verified_at'] as const;

/** The signed-in citizen's phone and e-mail, each with whether it is verified (`portal.self`). */
export async function citizenContacts(ctx: ServiceContext): Promise<CitizenContacts> {
  assertCan(ctx.actor, 'portal.self');
  const user = await ctx.db.selectFrom('users').select(columns).where('id', '=', ctx.actor.userId).executeTakeFirst();
  if (!user) throw notFound('ACCOUNT_NOT_FOUND', 'Không tìm thấy tài khoản.');
  return contactsOf(user);
}

/**
 * The phone or e-mail the signed-in citizen proved by a code becomes their account's, verified
 * (`portal.self`; audit before → after). Refused when another account holds it verified or signs in with it.
 */
export async function setVerifiedContact(ctx: ServiceContext, contact: VerifiedContact): Promise<CitizenContacts> {
  assertCan(ctx.actor, 'portal.self');
  const actor = ctx.actor;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const holder = await citizenHolding(trx, contact);
    if (holder && holder.id !== actor.userId) {
      throw contact.phone84 !== undefined
        ? conflict('CONTACT_HELD', 'Số điện thoại này đã thuộc một tài khoản khác.')
        : conflict('CONTACT_HELD', 'Địa chỉ thư này đã thuộc một tài khoản khác.');
    }
    const before = await trx.selectFrom('users').select(columns).where('id', '=', actor.userId).forUpdate().executeTakeFirst();
    if (!before) throw notFound('ACCOUNT_NOT_FOUND', 'Không tìm thấy tài khoản.');
    const change = contact.phone84 !== undefined ? { phone: contact.phone84, phone_verified_at: now } : { email: contact.email, email_verified_at: now };
    const after = await trx.updateTable('users').set(change).where('id', '=', actor.userId).returning(columns).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'citizen.contactVerified', entity: 'user', entityKey: actor.userId, at: now,
      payload: contact.phone84 !== undefined ? { before: { phone: before.phone }, after: { phone: after.phone } } : { before: { email: before.email }, after: { email: after.email } },
    });
    return contactsOf(after);
  });
}

/**
 * The account a citizen means by the name they typed at sign-in when it is no account's name: the
 * citizen account holding that phone (typed 0912345678) or that e-mail verified — the sign-in name
 * is made of the first one the account had; the other works too.
 */
export async function citizenIdOfSignInName(db: Database, name: string): Promise<number | null> {
  const mobile = /^0([0-9]{9})$/.exec(name.replace(/[\s.]/g, ''));
  const contact: VerifiedContact | null = mobile ? { phone84: `84${mobile[1] ?? ''}` } : name.includes('@') ? { email: name } : null;
  if (!contact) return null;
  return (await citizenHolding(db, contact))?.id ?? null;
}
