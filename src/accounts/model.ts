// Roles, permissions and the rules of accounts. Pure.
import type { Role } from '../platform/actor';

export const roles = ['admin', 'clerk', 'courier', 'officer', 'approver', 'supervisor', 'citizen'] as const satisfies readonly Role[];

export const roleLabels = {
  admin: 'Quản trị hệ thống',
  clerk: 'Nhân viên tiếp nhận',
  courier: 'Bưu tá',
  officer: 'Chuyên viên xử lý',
  approver: 'Lãnh đạo phê duyệt',
  supervisor: 'Giám sát, thống kê',
  citizen: 'Công dân',
} as const satisfies Record<Role, string>;

export type Permission =
  | 'users.read' | 'users.manage'
  | 'directory.manage' | 'catalog.manage' | 'calendar.manage'
  | 'dossiers.receive' | 'dossiers.return' | 'dossiers.process' | 'dossiers.approve' | 'dossiers.read'
  | 'postal.courier' | 'reports.read' | 'audit.verify' | 'portal.self';

export const rolePermissions = {
  admin: ['users.read', 'users.manage', 'directory.manage', 'catalog.manage', 'calendar.manage', 'dossiers.read', 'reports.read', 'audit.verify'],
  clerk: ['dossiers.receive', 'dossiers.return', 'dossiers.read'],
  courier: ['postal.courier', 'dossiers.read'],
  officer: ['dossiers.process', 'dossiers.read'],
  approver: ['dossiers.process', 'dossiers.approve', 'dossiers.read'],
  supervisor: ['users.read', 'dossiers.read', 'reports.read', 'audit.verify'],
  citizen: ['portal.self'],
} as const satisfies Record<Role, readonly Permission[]>;

/** Which kind of scope each role is bound to. */
export const roleScopeKind = {
  admin: 'unit',
  clerk: 'servicePoint',
  courier: 'servicePoint',
  officer: 'agency',
  approver: 'agency',
  supervisor: 'unit',
  citizen: 'self',
} as const satisfies Record<Role, 'unit' | 'agency' | 'servicePoint' | 'self'>;

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

// Lockout: after this many consecutive failures the account is locked for a while.
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 10;

export function lockedUntilAfterFailure(failedLogins: number, now: Date): Date | null {
  return failedLogins >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
}

export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  return null;
}
