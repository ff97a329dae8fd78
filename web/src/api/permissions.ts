// Whether a page is open to the signed-in user: any one of the permissions it needs (the server's
// own, from /auth/me), never the role's name.
import { userCan, type Permission, type User } from './types';

export type { Permission };

/** Whether the user has at least one of the permissions (an empty list: every signed-in user). */
export const canAny = (user: Pick<User, 'permissions'>, permissions: readonly Permission[]): boolean =>
  permissions.length === 0 || permissions.some((p) => userCan(user, p));
