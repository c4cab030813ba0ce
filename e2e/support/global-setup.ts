/**
 * Starts one stack for the whole run (sandbox + production app on free ports, a fresh database: embedded
 * PGlite, or PostgreSQL with E2E_DATABASE=postgres) and
 * signs in once per role through the real sign-in form, saving each browser state for the specs.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';
import { createDatabase, startPostgres } from '../../scripts/lib/postgres';
import { freePort, startStack } from '../../scripts/lib/stack';
import { e2eDatabase } from './database';
import { oidcAppEnv } from './oidc-server';
import { authFile, DEMO_USERS, type DemoRole } from './roles';

export default async function globalSetup(config: FullConfig) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-e2e-'));
  // E2E_DATABASE=postgres: the same suite on a throwaway PostgreSQL server instead of embedded PGlite.
  const postgres = e2eDatabase() === 'postgres' ? await startPostgres() : undefined;
  if (postgres) process.env.E2E_POSTGRES_URL = postgres.url;
  const databaseEnv: Record<string, string> = postgres
    ? { DATABASE_URL: await createDatabase(postgres.url, 'switchboard_e2e') }
    : {};
  // The OpenID Connect provider itself is started by e2e/auth-oidc.spec.ts on this reserved port.
  const oidcPort = await freePort();
  process.env.E2E_OIDC_PORT = String(oidcPort);
  const stack = await startStack({
    dataDir: path.join(dataDir, 'db'),
    quiet: !process.env.E2E_VERBOSE,
    // Specs reset the sandbox behind the app's back; a cached fleet listing would outlive the reset.
    env: { FLEET_CACHE_TTL_MS: '0', ...oidcAppEnv(oidcPort), ...databaseEnv },
  }).catch(async (error) => {
    await postgres?.stop();
    throw error;
  });
  process.env.E2E_AUTH_DIR = path.join(dataDir, 'auth');
  process.env.E2E_APP_URL = stack.appUrl;
  process.env.E2E_SANDBOX_URL = stack.sandbox.url;
  // Specs read the deployment's identities from the sandbox fixture; they never see the app's secrets.
  process.env.E2E_APP_ID = stack.env.META_APP_ID;

  const launchOptions = config.projects[0]?.use.launchOptions ?? {};
  const browser = await chromium.launch(launchOptions);
  try {
    await mkdir(path.dirname(authFile('admin')), { recursive: true });
    for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
      const context = await browser.newContext({ baseURL: stack.appUrl });
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(DEMO_USERS[role].email);
      await page.getByLabel('Password').fill(DEMO_USERS[role].password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
      await context.storageState({ path: authFile(role) });
      await context.close();
    }
  } catch (error) {
    await browser.close();
    await stack.stop();
    await postgres?.stop();
    throw error;
  }
  await browser.close();

  return async () => {
    await stack.stop();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
