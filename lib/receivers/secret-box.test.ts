import { describe, expect, it } from 'vitest';
import { keyringFromConfig } from './keyring';
import { decryptSecret, encryptSecret, isStale, makeKeyring, SecretDecryptionError } from './secret-box';
import { randomKey } from './test-support';

describe('secret box', () => {
  it('round-trips, with a fresh IV each time and the key id in the clear', () => {
    const keyring = makeKeyring(randomKey());
    const a = encryptSecret(keyring, 'app-secret-ü');
    const b = encryptSecret(keyring, 'app-secret-ü');
    expect(a).not.toBe(b);
    expect(a).not.toContain('app-secret');
    expect(a.split(':').slice(0, 2)).toEqual(['v1', keyring.current.id]);
    expect(decryptSecret(keyring, a)).toBe('app-secret-ü');
  });

  it('rejects altered ciphertexts, relabelled key ids and unknown keys without echoing them', () => {
    const keyring = makeKeyring(randomKey());
    const value = encryptSecret(keyring, 'secret');
    const parts = value.split(':');
    const flipped = [...parts.slice(0, 4), `${parts[4]?.slice(0, -2)}AA`].join(':');
    expect(() => decryptSecret(keyring, flipped)).toThrow(SecretDecryptionError);
    const other = makeKeyring(randomKey());
    expect(() => decryptSecret(other, value)).toThrow(/neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS/);
    // Claiming another key id fails authentication even when that key is present.
    const relabelled = ['v1', other.current.id, ...parts.slice(2)].join(':');
    const both = makeKeyring(randomKey(), [other.current.key.toString('base64')]);
    expect(() =>
      decryptSecret({ ...both, previous: [...both.previous, keyring.current] }, relabelled),
    ).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(keyring, 'plain text')).toThrow('Not an encrypted secret');
  });

  it('decrypts values made with a previous key and flags them for re-encryption', () => {
    const oldKey = randomKey();
    const before = makeKeyring(oldKey);
    const value = encryptSecret(before, 'rotating');
    const after = makeKeyring(randomKey(), [oldKey]);
    expect(decryptSecret(after, value)).toBe('rotating');
    expect(isStale(after, value)).toBe(true);
    expect(isStale(after, encryptSecret(after, 'rotating'))).toBe(false);
  });
});

describe('keyring from configuration', () => {
  const base = { SECRETS_KEY_PREVIOUS: [] as string[], SWITCHBOARD_DEMO: false, DATABASE_URL: undefined };

  it('uses SECRETS_KEY when set', () => {
    const key = randomKey();
    const keyring = keyringFromConfig({ ...base, SECRETS_KEY: key, NODE_ENV: 'production', DATA_DIR: '/x' });
    expect(keyring.current.key.toString('base64')).toBe(key);
  });

  it('requires SECRETS_KEY in production outside demo mode', () => {
    expect(() =>
      keyringFromConfig({ ...base, SECRETS_KEY: undefined, NODE_ENV: 'production', DATA_DIR: 'memory://' }),
    ).toThrow(/SECRETS_KEY is required/);
  });

  it('generates and keeps a key beside DATA_DIR in demo mode', async () => {
    const { mkdtemp, readFile, stat } = await import('node:fs/promises');
    const path = await import('node:path');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-keyring-'));
    const config = {
      ...base,
      SECRETS_KEY: undefined,
      SWITCHBOARD_DEMO: true,
      NODE_ENV: 'production',
      DATA_DIR: path.join(dir, 'app'),
    } as const;
    const first = keyringFromConfig(config);
    const second = keyringFromConfig(config);
    expect(second.current.id).toBe(first.current.id);
    const file = path.join(dir, 'app.secrets-key');
    expect((await readFile(file, 'utf8')).trim()).toBe(first.current.key.toString('base64'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
