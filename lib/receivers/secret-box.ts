/**
 * Encryption of receiver secrets at rest: AES-256-GCM with a fresh 96-bit IV per value. The ciphertext names
 * the key that made it (`v1:<keyId>:<iv>:<tag>:<data>`), so SECRETS_KEY can be rotated: the old key moves to
 * SECRETS_KEY_PREVIOUS, still decrypts, and values are re-encrypted under the new key as they are read.
 */
import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: SecretKey;
  /** Decrypt-only keys, from SECRETS_KEY_PREVIOUS. */
  previous: SecretKey[];
}

const VERSION = 'v1';

/** A short, non-reversible fingerprint of the key: enough to pick the key, useless to an attacker. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('switchboard-secrets:').update(key).digest('hex').slice(0, 8);
}

export function secretKeyFrom(base64: string): SecretKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('A secrets key must be 32 bytes (base64-encoded)');
  return { id: keyId(key), key };
}

export function makeKeyring(current: string, previous: readonly string[] = []): Keyring {
  return { current: secretKeyFrom(current), previous: previous.map(secretKeyFrom) };
}

export function encryptSecret(keyring: Keyring, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  // The key id is authenticated too, so a value cannot be relabelled to another key.
  cipher.setAAD(Buffer.from(`${VERSION}:${keyring.current.id}`));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
  return [VERSION, keyring.current.id, ...parts].join(':');
}

export class SecretDecryptionError extends Error {
  override name = 'SecretDecryptionError';
}

/** Throws SecretDecryptionError (never echoing the value) when the key is unknown or the value was altered. */
export function decryptSecret(keyring: Keyring, ciphertext: string): string {
  const [version, id, iv, tag, data, ...rest] = ciphertext.split(':');
  if (
    version !== VERSION ||
    !id ||
    iv === undefined ||
    tag === undefined ||
    data === undefined ||
    rest.length
  ) {
    throw new SecretDecryptionError('Not an encrypted secret');
  }
  const key = [keyring.current, ...keyring.previous].find((k) => k.id === id);
  if (!key) {
    throw new SecretDecryptionError(
      `Encrypted with key ${id}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${VERSION}:${id}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretDecryptionError('The encrypted secret failed authentication');
  }
}

/** True when the value was made with a previous key and should be re-encrypted under the current one. */
export function isStale(keyring: Keyring, ciphertext: string): boolean {
  return ciphertext.split(':')[1] !== keyring.current.id;
}
