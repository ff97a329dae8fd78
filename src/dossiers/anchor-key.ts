// The anchor key's file (PEM): an Ed25519 private key signs and verifies; a public key only
// verifies (for an auditor's copy). Kept outside the database and the data folder (Config).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface AnchorKey {
  readonly file: string;
  /** absent when the file holds only the public key */
  readonly privateKey: KeyObject | undefined;
  readonly publicKey: KeyObject;
}

/** The key in `file`, or null when there is no such file. Throws on a file that is not an Ed25519 key. */
export async function readAnchorKey(file: string): Promise<AnchorKey | null> {
  if (!existsSync(file)) return null;
  const pem = await fs.readFile(file, 'utf8');
  const privateKey = pem.includes('PRIVATE KEY') ? createPrivateKey(pem) : undefined;
  const publicKey = createPublicKey(privateKey ?? pem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file}: khóa neo phải là khóa Ed25519`);
  return { file, privateKey, publicKey };
}

/** Creates a new Ed25519 key in `file` (mode 600, folder 700) and its public key beside it (`.pub`). */
export async function createAnchorKey(file: string): Promise<AnchorKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  await fs.writeFile(`${file}.pub`, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return { file, privateKey, publicKey };
}

/** The last anchor this key signed in one database, kept beside the key (outside the database). */
export interface LastAnchor {
  readonly day: string;
  readonly digest: string;
}

/**
 * `<keyFile>.last`: the last anchor this key signed, by installation (the database's id, see
 * migration 0115), so that one key serves several databases. A file written before installations
 * held one `{ day, digest }` for an unnamed database: it is returned as `legacy`.
 */
interface LastAnchors {
  readonly byInstallation: Readonly<Record<string, LastAnchor>>;
  readonly legacy: LastAnchor | null;
}

const isLastAnchor = (x: unknown): x is LastAnchor =>
  typeof x === 'object' && x !== null && typeof (x as LastAnchor).day === 'string' && typeof (x as LastAnchor).digest === 'string';

async function readLastAnchors(keyFile: string): Promise<LastAnchors> {
  const file = `${keyFile}.last`;
  if (!existsSync(file)) return { byInstallation: {}, legacy: null };
  const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  if (isLastAnchor(parsed)) return { byInstallation: {}, legacy: parsed };
  const byInstallation = (parsed as { byInstallation?: Record<string, LastAnchor> }).byInstallation ?? {};
  return { byInstallation, legacy: null };
}

/** The last anchor this key signed in `installation`; a legacy record (see above) when there is none. */
export async function readLastAnchor(keyFile: string, installation: string): Promise<{ readonly last: LastAnchor | null; readonly isLegacy: boolean }> {
  const all = await readLastAnchors(keyFile);
  const own = all.byInstallation[installation];
  if (own) return { last: own, isLegacy: false };
  return { last: all.legacy, isLegacy: all.legacy !== null };
}

export async function writeLastAnchor(keyFile: string, installation: string, last: LastAnchor): Promise<void> {
  const file = `${keyFile}.last`;
  const { byInstallation } = await readLastAnchors(keyFile);
  const next = { byInstallation: { ...byInstallation, [installation]: last } };
  await fs.writeFile(`${file}.tmp`, JSON.stringify(next), { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}
