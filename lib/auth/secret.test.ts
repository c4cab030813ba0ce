import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

let root: string;

beforeEach(async () => {
  vi.resetModules();
  root = await mkdtemp(path.join(tmpdir(), 'sb-secret-'));
  Object.assign(process.env, { GRAPH_ACCESS_TOKEN: 't', META_APP_ID: '1', META_BUSINESS_IDS: '2' });
  delete process.env.NEXTAUTH_SECRET;
  process.env.DATA_DIR = path.join(root, 'db');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh module graph each time: getConfig() and the secret are cached per process. */
async function freshSecret(): Promise<string> {
  const { getAuthSecret } = await import('./secret');
  return getAuthSecret();
}

describe('session secret without NEXTAUTH_SECRET', () => {
  it('is generated once per data directory, kept beside it (owner-only), and reused after a restart', async () => {
    const first = await freshSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(root, 'db.nextauth-secret');
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    vi.resetModules();
    expect(await freshSecret()).toBe(first);
  });

  it('prefers NEXTAUTH_SECRET, and refuses a damaged secret file', async () => {
    process.env.NEXTAUTH_SECRET = 'x'.repeat(40);
    expect(await freshSecret()).toBe('x'.repeat(40));
    vi.resetModules();
    delete process.env.NEXTAUTH_SECRET;
    await writeFile(path.join(root, 'db.nextauth-secret'), 'short\n');
    await expect(freshSecret()).rejects.toThrow(/does not hold a usable secret/);
  });
});
