/**
 * Where the secrets key comes from: SECRETS_KEY when set. Without it, demo and development installs get a
 * generated key kept beside DATA_DIR (`<DATA_DIR>.secrets-key`, mode 0600), so encrypted secrets survive a
 * restart; an in-memory database gets a key for the life of the process. Production requires SECRETS_KEY.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@/lib/config';
import { type Keyring, makeKeyring } from './secret-box';

type KeyConfig = Pick<
  Config,
  'SECRETS_KEY' | 'SECRETS_KEY_PREVIOUS' | 'SWITCHBOARD_DEMO' | 'NODE_ENV' | 'DATA_DIR' | 'DATABASE_URL'
>;

export function keyFilePath(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.secrets-key`);
}

function readOrCreateKeyFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64');
  // `wx`: if another process created it first, fall through and read theirs.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}

export function keyringFromConfig(config: KeyConfig): Keyring {
  if (config.SECRETS_KEY) return makeKeyring(config.SECRETS_KEY, config.SECRETS_KEY_PREVIOUS);
  if (config.NODE_ENV === 'production' && !config.SWITCHBOARD_DEMO) {
    throw new Error('SECRETS_KEY is required outside demo mode (openssl rand -base64 32)');
  }
  const generated =
    config.DATABASE_URL || !config.DATA_DIR.startsWith('memory://')
      ? readOrCreateKeyFile(keyFilePath(config.DATA_DIR))
      : randomBytes(32).toString('base64');
  return makeKeyring(generated, config.SECRETS_KEY_PREVIOUS);
}
