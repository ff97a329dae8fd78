// Shapes of the API's answers as the web app reads them (the server's UserView and friends).
import type { Permission } from '../../../src/accounts/model';

export type { Permission };

export const roles = ['admin', 'clerk', 'courier', 'officer', 'approver', 'supervisor', 'citizen'] as const;
export type Role = (typeof roles)[number];

export interface User {
  readonly id: number;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  /** Vietnamese label of the role, from the server. */
  readonly roleLabel: string;
  readonly scopeCode: string | null;
  readonly email: string | null;
  readonly active: boolean;
  /** A password handed over by an administrator: the server answers nothing else until it is changed. */
  readonly mustChangePassword: boolean;
  /** What the user may do (the server's role → permission table): the app shows what these allow, never by role name. */
  readonly permissions: readonly Permission[];
}

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
