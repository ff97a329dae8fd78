// Who is acting. Resolved from the session by the accounts capability, passed to every service.
import type { Role } from './db/schema';

export type { Role };

export type Scope =
  | { readonly kind: 'unit'; readonly unitId: number; readonly unitPath: string }
  | { readonly kind: 'agency'; readonly agencyId: number; readonly unitPath: string }
  | { readonly kind: 'servicePoint'; readonly servicePointId: number; readonly unitPath: string }
  /** a citizen: personalId is their VERIFIED personal ID (null until verified); they also see what they filed */
  | { readonly kind: 'self'; readonly personalId: string | null }
  | { readonly kind: 'none' };

export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly scope: Scope;
}
