// The users endpoints as the administration screen reads and writes them (src/accounts/routes.ts).
import { api, request } from '../../api/client';
import type { Page, Role, User } from '../../api/types';

export interface UserFilter {
  readonly q?: string;
  readonly role?: Role | '';
  readonly scopeCode?: string;
  readonly active?: 'true' | 'false' | '';
}

export type { NewUserBody as NewUser } from '../../../../src/accounts/routes';
import type { NewUserBody as NewUser } from '../../../../src/accounts/routes';

export const fetchUsers = (f: UserFilter, signal?: AbortSignal) => {
  const q = new URLSearchParams({ limit: '200' });
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v !== '') q.set(k, v);
  return api.get<Page<User>>(`/api/v1/users?${q.toString()}`, signal);
};

/** The new account and its one-time password (shown once: the server keeps only its hash). */
export const createUser = (body: NewUser) => request<{ user: User; password: string }>('POST', '/api/v1/users', { body });
export const setActive = (id: number, active: boolean) => request<User>('PUT', `/api/v1/users/${id}/active`, { body: { active } });
export const resetPassword = (id: number) => request<{ user: User; password: string }>('POST', `/api/v1/users/${id}/password-reset`);
