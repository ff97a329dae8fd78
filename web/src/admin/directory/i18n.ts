// Texts of the directory administration screens (`directoryAdmin` keys, see ../../i18n/bundle.ts).
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useDirectoryT = defineBundle('directoryAdmin', vi, en);
export type DirectoryT = ReturnType<typeof useDirectoryT>;
export type DirectoryKey = keyof typeof vi;
/** The keys of the bundle, to tell a known code's label from an unknown one. */
export const directoryKeys: Readonly<Record<string, string>> = vi;
