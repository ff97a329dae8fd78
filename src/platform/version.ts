import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const version: string = (JSON.parse(
  readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
) as { version: string }).version;
