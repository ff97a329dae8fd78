// Roles, permissions and the rules of accounts. Pure.
import type { Role } from '../platform/actor';
import labels from './labels.vi.json';

export const roles = ['admin', 'clerk', 'courier', 'officer', 'approver', 'supervisor', 'citizen'] as const satisfies readonly Role[];

export const roleLabels = labels.role satisfies Record<Role, string>;

/**
 * What a user may do. Roles map to permissions here and nowhere else (docs/adr/012-permission-model.md):
 * every service checks `can(actor, permission[, resource])` and every dossier action names its
 * permission (`actionPermissions` in dossiers/lifecycle.ts); no code compares a role by name.
 */
export const permissions = [
  'users.read', 'users.manage', 'directory.manage', 'catalog.manage', 'calendar.manage',
  // dossiers: reading in scope, and one permission per group of lifecycle actions
  'dossiers.read', 'dossiers.receive', 'dossiers.supplement', 'dossiers.process', 'dossiers.payment', 'dossiers.approve',
  'dossiers.result', 'dossiers.return', 'dossiers.withdraw', 'dossiers.stop', 'dossiers.recomputeDue', 'dossiers.rate',
  // a postal worker: receives and returns by post only
  'postal.courier',
  // postal service (issue 13): asking for a pickup (portal, counter, phone); dispatching couriers and result legs; an agency asking the post to carry papers to another agency
  'postal.request', 'postal.dispatch', 'postal.transfer',
  // supervision: reading at-risk and overdue dossiers; being told of overdue ones in one's unit
  'reports.read', 'supervision.read', 'supervision.alerts', 'audit.verify',
  // a citizen acting for themselves: files online for themselves, reads and rates their own dossiers
  'portal.self',
  // the counter queue: open a kiosk at one's service point, call tickets to one's counter
  'queue.serve',
  // the applicant's document store: looking it up at intake (to reuse papers); attaching a dossier's signed electronic result
  'documents.store', 'documents.result',
  // uploading scans and result files (issue 12): at the counter, at the door, at the agency, online
  'files.upload',
  // appointments: book for a caller at the counter or on the phone; serve the point's bookings (day list, no-show); configure counters, durations, rules
  'appointments.book', 'appointments.serve', 'appointments.configure',
  // documents: queue the OCR of a scan again (issue 12 §3)
  'documents.ocr',
  // the national portal sync (issue 15 §5): see its state and failures; send a failed record again
  'sync.read', 'sync.manage',
  // payments (issue 15 §4): take a payment at the counter and keep the cash drawer; refund; read receipts and shifts in scope
  'payments.collect', 'payments.refund', 'payments.read',
  // payments: the provincial office's reconciliation with the gateway's settlement file
  'payments.reconcile',
  // citizen accounts (issue 15 §1): a clerk who checked the card marks the account's personal ID verified
  'citizens.verify',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions = {
  admin: ['users.read', 'users.manage', 'directory.manage', 'catalog.manage', 'calendar.manage', 'dossiers.read', 'dossiers.recomputeDue',
    'reports.read', 'supervision.read', 'audit.verify', 'appointments.configure', 'appointments.serve',
    'documents.ocr',
    'sync.read', 'sync.manage'],
  clerk: ['dossiers.read', 'dossiers.receive', 'dossiers.supplement', 'dossiers.payment', 'dossiers.result', 'dossiers.return',
    'dossiers.withdraw', 'dossiers.stop', 'dossiers.rate', 'queue.serve', 'postal.request', 'postal.dispatch',
    'documents.store', 'files.upload', 'appointments.book', 'appointments.serve',
    'documents.ocr',
    'payments.collect', 'payments.refund', 'payments.read',
    'citizens.verify'],
  courier: ['dossiers.read', 'dossiers.return', 'postal.courier',
    'documents.store', 'files.upload'],
  officer: ['dossiers.read', 'dossiers.process', 'dossiers.supplement', 'dossiers.payment', 'dossiers.result', 'files.upload',
    'documents.result', 'postal.transfer',
    'documents.ocr'],
  approver: ['dossiers.read', 'dossiers.process', 'dossiers.supplement', 'dossiers.payment', 'dossiers.result', 'dossiers.approve',
    'dossiers.stop', 'supervision.read', 'files.upload',
    'documents.result', 'postal.transfer',
    'documents.ocr'],
  supervisor: ['users.read', 'dossiers.read', 'reports.read', 'supervision.read', 'supervision.alerts', 'audit.verify', 'payments.read', 'payments.refund', 'payments.reconcile',
    'sync.read'],
  citizen: ['portal.self', 'dossiers.withdraw', 'dossiers.rate', 'postal.request', 'files.upload'],
} as const satisfies Record<Role, readonly Permission[]>;

/** Whether a role holds a permission (the table lookup; services ask `can` in policy.ts). */
export const roleHas = (role: Role, permission: Permission): boolean => (rolePermissions[role] as readonly Permission[]).includes(permission);

/** The roles that hold a permission, in the order of `roles` (to find the users who may do something). */
export const rolesWith = (permission: Permission): Role[] =>
  roles.filter((r) => (rolePermissions[r] as readonly Permission[]).includes(permission));

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

// No lock-out: wrong passwords slow down (accounts/login.ts, platform/throttle.ts).
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  return null;
}
