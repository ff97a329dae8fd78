/**
 * Be Vietnam Pro (OFL) from @expo-google-fonts/be-vietnam-pro: full Vietnamese coverage.
 * The TTF bytes are read once per process; each document embeds a subset (FontFile2).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontKey } from './wrap';

const FONT_FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
} as const satisfies Record<FontKey, string>;

export type FontBytes = Record<FontKey, Uint8Array>;

let cached: Promise<FontBytes> | undefined;

async function readFonts(): Promise<FontBytes> {
  const require = createRequire(import.meta.url);
  const read = (id: string): Promise<Uint8Array> => readFile(require.resolve(id)).then((b) => new Uint8Array(b));
  const [regular, bold, italic] = await Promise.all([
    read(FONT_FILES.regular),
    read(FONT_FILES.bold),
    read(FONT_FILES.italic),
  ]);
  return { regular, bold, italic };
}

/** The three TTF files, loaded on first use and shared by every render in this process. */
export function loadFontBytes(): Promise<FontBytes> {
  cached ??= readFonts().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
