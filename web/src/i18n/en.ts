// English. Same keys as vi.json (the compiler checks it).
import texts from './en.json';
import type { Messages } from './vi';

export const en: Messages = texts;
