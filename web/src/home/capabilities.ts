// What each role does in motcua, in the order its home page lists it. A capability gets a path
// in `capabilityPaths` when its page exists; until then the home page shows it as coming.
import type { Role } from '../api/types';
import type { Messages } from '../i18n/vi';
import { paths } from '../routes';

export type CapabilityKey = keyof Messages['capabilities'];

export const roleCapabilities = {
  clerk: ['receiveDossier', 'returnResult', 'searchDossiers'],
  courier: ['pickupAtHome', 'deliverResult', 'courierRoute'],
  officer: ['processQueue', 'searchDossiers'],
  approver: ['approvalQueue', 'processQueue', 'searchDossiers', 'lateDossiers'],
  supervisor: ['dashboard', 'lateDossiers', 'auditTrail'],
  admin: ['adminUnits', 'procedureCatalog', 'workCalendar', 'users'],
  citizen: ['submitOnline', 'myDossiers', 'bookAppointment'],
} as const satisfies Record<Role, readonly CapabilityKey[]>;

/** Capabilities every signed-in user has. */
export const accountCapabilities = ['changePassword'] as const satisfies readonly CapabilityKey[];

/** Pages that exist. */
export const capabilityPaths: Partial<Record<CapabilityKey, string>> = {
  changePassword: paths.changePassword,
  workCalendar: paths.adminCalendar,
  receiveDossier: paths.counterReceive,
  returnResult: paths.counterReturn,
  searchDossiers: paths.dossierSearch,
  processQueue: paths.processingQueue,
  approvalQueue: paths.processingQueue,
  dashboard: paths.dashboard,
  lateDossiers: paths.supervision,
  auditTrail: paths.supervision,
  myDossiers: paths.myDossiers,
};
