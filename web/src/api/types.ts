// Shapes of the API's answers as the web app reads them (the server's UserView and friends).
import type { UserAnswer } from '../../../src/accounts/routes';

/** A permission as the server's answer names it (the route's schema lists them all). */
export type Permission = UserAnswer['permissions'][number];

export const roles = ['admin', 'clerk', 'courier', 'officer', 'approver', 'supervisor', 'citizen'] as const;
export type Role = (typeof roles)[number];

/** A signed-in user: the server's UserView; `permissions` say what the app may show (never the role's name). */
export type User = UserAnswer;

export const userCan = (user: Pick<User, 'permissions'>, permission: Permission): boolean => user.permissions.includes(permission);

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

export interface ProcedureSummary {
  readonly code: string;
  readonly name: string;
  readonly field: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface ErrorDetail {
  readonly path?: string;
  readonly message: string;
}
