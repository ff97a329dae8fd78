// Texts of the users administration screen (`usersAdmin` keys, see ../../i18n/bundle.ts).
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useUsersT = defineBundle('usersAdmin', vi, en);
export type UsersT = ReturnType<typeof useUsersT>;
