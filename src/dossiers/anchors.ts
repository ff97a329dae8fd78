// Daily anchors of the event log (issue 10 §7): the heads of the chains that moved on a day
// (Vietnam time) are folded into one digest, chained to the previous anchor's digest and signed
// with an Ed25519 key kept outside the database and the data folder. Someone who rewrites the
// database end to end (payload, hash and head recomputed) cannot produce a matching signature.
// Pure: the key is passed in, the heads are read by anchor-store.ts.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from './event-hash';

export const ANCHOR_FORMAT = 'motcua-anchor-v1';
export const GENESIS_ANCHOR = '0'.repeat(64);

/** The newest event of one chain on the day (seq and hash of its last event before midnight). */
export interface ChainHead {
  readonly code: string;
  readonly seq: number;
  readonly hash: string;
}

export interface Anchor {
  /** civil date in Vietnam time, YYYY-MM-DD */
  readonly day: string;
  /** number of chains folded in */
  readonly heads: number;
  readonly prevDigest: string;
  readonly digest: string;
  /** first 16 hex digits of sha256 of the public key (SPKI DER) */
  readonly keyId: string;
  /** Ed25519 public key, SPKI DER in base64 */
  readonly publicKey: string;
  /** Ed25519 signature of `signedText`, base64 */
  readonly signature: string;
}

/**
 * digest = sha256_hex("motcua-anchor-v1\n" + day + "\n" + prevDigest + "\n" + count + "\n" +
 * one line "code seq hash\n" per head, sorted by code (byte order)).
 */
export function anchorDigest(day: string, prevDigest: string, heads: readonly ChainHead[]): string {
  const lines = [...heads].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((h) => `${h.code} ${h.seq} ${h.hash}\n`);
  return sha256Hex(`${ANCHOR_FORMAT}\n${day}\n${prevDigest}\n${heads.length}\n${lines.join('')}`);
}

/** The text the key signs. */
export const signedText = (day: string, digest: string): string => `${ANCHOR_FORMAT}:${day}:${digest}`;

export const publicKeyText = (key: KeyObject): string => (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' }).toString('base64');
export const keyIdOf = (publicKey: string): string => sha256Hex(publicKey).slice(0, 16);

export function makeAnchor(privateKey: KeyObject, day: string, prevDigest: string, heads: readonly ChainHead[]): Anchor {
  if (privateKey.asymmetricKeyType !== 'ed25519' || privateKey.type !== 'private') throw new TypeError('anchor key must be an Ed25519 private key');
  const digest = anchorDigest(day, prevDigest, heads);
  const publicKey = publicKeyText(privateKey);
  const signature = sign(null, Buffer.from(signedText(day, digest)), privateKey).toString('base64');
  return { day, heads: heads.length, prevDigest, digest, keyId: keyIdOf(publicKey), publicKey, signature };
}

/** Whether `anchor.signature` is the given key's signature of its day and digest (the anchor's own key field is not trusted). */
export function signatureValid(publicKey: KeyObject, anchor: Pick<Anchor, 'day' | 'digest' | 'signature'>): boolean {
  try {
    return verify(null, Buffer.from(signedText(anchor.day, anchor.digest)), publicKey, Buffer.from(anchor.signature, 'base64'));
  } catch {
    return false;
  }
}

export type AnchorProblem =
  | { readonly day: string; readonly reason: 'signature'; readonly detail: string }
  | { readonly day: string; readonly reason: 'chain'; readonly detail: string }
  | { readonly day: string; readonly reason: 'digest'; readonly detail: string }
  | { readonly day: string; readonly reason: 'not_anchored'; readonly detail: string }
  | { readonly day: string; readonly reason: 'copy'; readonly detail: string };

/**
 * Checks stored anchors (in day order) against the trusted public key and the digests recomputed
 * from the database's heads (`recomputed(day, prevDigest)`). `archivedHeads`: per day, how many of
 * its chains belong to an archived year whose events are no longer in the database (ADR 022) — the
 * digest of such a day cannot be recomputed, so it is not compared; its signature, its place in
 * the anchor chain and its number of heads (recomputed + archived) still are. Pure over its inputs.
 */
export function checkAnchors(
  publicKey: KeyObject,
  anchors: readonly Anchor[],
  recomputed: ReadonlyMap<string, readonly ChainHead[]>,
  archivedHeads: ReadonlyMap<string, number> = new Map(),
): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  const trustedId = keyIdOf(publicKeyText(publicKey));
  let prev = GENESIS_ANCHOR;
  for (const a of anchors) {
    if (!signatureValid(publicKey, a)) {
      problems.push({ day: a.day, reason: 'signature', detail: `chữ ký không khớp khóa ${trustedId} (bản ghi ghi khóa ${a.keyId})` });
    }
    if (a.prevDigest !== prev) problems.push({ day: a.day, reason: 'chain', detail: `mong đợi neo trước ${prev}, thực tế ${a.prevDigest}` });
    const heads = recomputed.get(a.day) ?? [];
    const archived = archivedHeads.get(a.day);
    if (archived !== undefined) {
      if (heads.length + archived !== a.heads) {
        problems.push({ day: a.day, reason: 'digest', detail: `đã ký ${a.heads} hồ sơ, còn ${heads.length} trong nhật ký và ${archived} của năm đã lưu trữ` });
      }
    } else {
      const digest = anchorDigest(a.day, a.prevDigest, heads);
      if (digest !== a.digest) problems.push({ day: a.day, reason: 'digest', detail: `tính lại từ cơ sở dữ liệu ${digest}, đã ký ${a.digest}` });
    }
    prev = a.digest;
  }
  return problems;
}
