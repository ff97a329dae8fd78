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

/** The last anchor this key signed, kept beside the key (outside the database): `<keyFile>.last`. */
export interface LastAnchor {
  readonly day: string;
  readonly digest: string;
}

export async function readLastAnchor(keyFile: string): Promise<LastAnchor | null> {
  const file = `${keyFile}.last`;
  if (!existsSync(file)) return null;
  return JSON.parse(await fs.readFile(file, 'utf8')) as LastAnchor;
}

export async function writeLastAnchor(keyFile: string, last: LastAnchor): Promise<void> {
  const file = `${keyFile}.last`;
  await fs.writeFile(`${file}.tmp`, JSON.stringify(last), { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}
