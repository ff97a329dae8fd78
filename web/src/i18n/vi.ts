// Vietnamese, the default language: the app's shared texts live in vi.json (data, for
// translators) — what every page needs, the portal's included — and the signed-in app's own
// (navigation, sign-in, home, roles, password) in staff.vi.json, loaded with that app (staff.ts);
// each screen's own texts are a bundle beside it (bundle.ts). en.json mirrors vi.json.
import texts from './vi.json';
import type staffTexts from './staff.vi.json';

export const vi = texts;

/** The texts every page may use, before the signed-in app is loaded. */
export type ShellMessages = typeof vi;
/** The shape every language's texts have once the signed-in app is loaded. */
export type Messages = ShellMessages & typeof staffTexts;
