// The accounts endpoints the web app uses.
import { api } from './client';
import type { LoginResult, User } from './types';

export const login = (username: string, password: string) =>
  api.post<LoginResult>('/api/v1/auth/login', { username, password });

export const logout = () => api.post<void>('/api/v1/auth/logout');

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/v1/auth/password', { currentPassword, newPassword });

/** The signed-in user, or null when there is no valid session (asked without a 401, so public pages log no error). */
export async function currentUser(signal?: AbortSignal): Promise<User | null> {
  return (await api.get<{ user: User | null }>('/api/v1/auth/session', signal)).user;
}
