// English. Same keys as vi.json (the compiler checks it); loaded only when English is chosen.
import texts from './en.json';
import type { ShellMessages } from './vi';

export const en: ShellMessages = texts;
