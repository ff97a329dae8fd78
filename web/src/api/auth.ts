// The accounts endpoints the web app uses.
import { ApiError, api } from './client';
import type { LoginResult, User } from './types';

export const login = (username: string, password: string) =>
  api.post<LoginResult>('/api/v1/auth/login', { username, password });

export const logout = () => api.post<void>('/api/v1/auth/logout');

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/v1/auth/password', { currentPassword, newPassword });

/** The signed-in user, or null when there is no valid session. */
export async function currentUser(signal?: AbortSignal): Promise<User | null> {
  try {
    return await api.get<User>('/api/v1/auth/me', signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}
