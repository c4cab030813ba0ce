/**
 * Once per Vitest run, before any worker starts (forked workers inherit what this sets in process.env):
 *  - `TEST_DATABASE=postgres`: starts a throwaway PostgreSQL server (unless TEST_DATABASE_URL already names
 *    one) so every database test runs against real PostgreSQL instead of PGlite;
 *  - otherwise: migrates one PGlite database and dumps its data dir to a file, which every test database then
 *    starts from (lib/testing/test-db.ts) — PGlite's initdb and the migrations run once instead of per file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openDb } from '../db/client';
import { type RunningPostgres, startPostgres } from './postgres';
import { PGLITE_TEMPLATE_ENV } from './test-db';

async function dumpMigratedPglite(file: string): Promise<void> {
  const handle = await openDb({ dataDir: 'memory://' });
  try {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await handle.close();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  let server: RunningPostgres | undefined;
  let templateDir: string | undefined;
  if (process.env.TEST_DATABASE === 'postgres') {
    if (!process.env.TEST_DATABASE_URL) {
      server = await startPostgres();
      process.env.TEST_DATABASE_URL = server.url;
    }
  } else {
    templateDir = await mkdtemp(path.join(tmpdir(), 'switchboard-pglite-template-'));
    const file = path.join(templateDir, 'migrated.tar');
    await dumpMigratedPglite(file);
    process.env[PGLITE_TEMPLATE_ENV] = file;
  }
  return async () => {
    await server?.stop();
    if (templateDir) await rm(templateDir, { recursive: true, force: true });
  };
}
