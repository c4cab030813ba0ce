/**
 * The key that signs and encrypts session tokens. NEXTAUTH_SECRET when set (lib/config.ts requires it in
 * production outside demo mode). Otherwise — demo and development — a random key generated once per data
 * directory and kept next to it, so sessions survive restarts without anyone having to invent a secret.
 * Never logged: it is registered with the log scrubber as soon as it is known.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { registerSecret } from '@/lib/log';

let cached: string | undefined;

/** `.data/app` → `.data/app.nextauth-secret`: beside the database folder, not inside PGlite's files. */
function localSecretPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.nextauth-secret`;
}

function readSecret(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${file} does not hold a usable secret; delete it to make a new one.`);
  return secret;
}

function loadOrCreateLocalSecret(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const file = localSecretPath(dataDir);
  try {
    return readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      // `wx`: if another instance created it first, use theirs so both sign with the same key.
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return readSecret(file);
    }
  }
}

export function getAuthSecret(): string {
  if (!cached) {
    const config = getConfig();
    cached = config.NEXTAUTH_SECRET ?? loadOrCreateLocalSecret(config.DATA_DIR);
    registerSecret(cached);
  }
  return cached;
}
