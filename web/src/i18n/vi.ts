// Vietnamese, the default language: the app's shared texts live in vi.json (data, for
// translators); each screen's own texts are a bundle beside it (bundle.ts). en.json mirrors vi.json.
import texts from './vi.json';

export const vi = texts;

/** The shape every language file must have. */
export type Messages = typeof vi;
