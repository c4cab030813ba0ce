/**
 * Starts one stack for the whole run (sandbox + production app on free ports, a fresh database: embedded
 * PGlite, or PostgreSQL with E2E_DATABASE=postgres) and signs in once per role through the real sign-in form, saving each browser state for the specs.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';
import { describeLeaks, findLeaks } from '../../lib/testing/leaks';
import { createDatabase, startPostgres } from '../../lib/testing/postgres';
import { freePort, startStack } from '../../scripts/lib/stack';
import { e2eDatabase } from './database';
import { OIDC_E2E, oidcAppEnv } from './oidc-server';
import { authFile, DEMO_USERS, type DemoRole } from './roles';
import { notedSecrets, noteSecret } from './secrets';

/** Where the app's output is kept after the run, for reading a leak the teardown reports. */
const KEPT_LOG = path.join('.test-reports', `e2e-app-${e2eDatabase()}.log`);

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
  process.env.E2E_SECRETS_FILE = path.join(dataDir, 'secrets.jsonl');
  const logFile = path.join(dataDir, 'app.log');
  const stack = await startStack({
    dataDir: path.join(dataDir, 'db'),
    quiet: !process.env.E2E_VERBOSE,
    logFile,
    env: {
      // Specs reset the sandbox behind the app's back; a cached fleet listing would outlive the reset.
      FLEET_CACHE_TTL_MS: '0',
      // No background audit scans: specs count Graph calls and start the scans they need themselves.
      AUDIT_REFRESH_MINUTES: '0',
      // The most verbose logging, captured to `logFile`: the teardown checks that no secret reached it.
      LOG_LEVEL: 'debug',
      SECRETS_KEY: randomBytes(32).toString('base64'),
      ...oidcAppEnv(oidcPort),
      ...databaseEnv,
    },
  }).catch(async (error) => {
    await postgres?.stop();
    throw error;
  });
  noteDeploymentSecrets(stack.env, stack.sandbox.fixture);
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
    const leaks = findLeaks(
      await readFile(logFile, 'utf8'),
      notedSecrets(process.env.E2E_SECRETS_FILE ?? ''),
    );
    await mkdir(path.dirname(KEPT_LOG), { recursive: true });
    await copyFile(logFile, KEPT_LOG);
    await rm(dataDir, { recursive: true, force: true });
    // Thrown from the global teardown: Playwright reports it and exits non-zero.
    if (leaks.length > 0) throw new Error(describeLeaks(leaks, KEPT_LOG));
  };
}

function noteDeploymentSecrets(
  env: Record<string, string>,
  fixture: {
    apps: Array<{ name: string; secret: string; accessToken: string; appAccessToken: string }>;
    receivers: Array<{ name: string; verifyToken: string }>;
  },
) {
  for (const key of ['GRAPH_ACCESS_TOKEN', 'META_APP_SECRET', 'NEXTAUTH_SECRET', 'SECRETS_KEY'] as const) {
    if (env[key]) noteSecret(key, env[key]);
  }
  noteSecret('OIDC_CLIENT_SECRET', OIDC_E2E.clientSecret);
  for (const app of fixture.apps) {
    noteSecret(`sandbox app "${app.name}" secret`, app.secret);
    noteSecret(`sandbox app "${app.name}" access token`, app.accessToken);
    noteSecret(`sandbox app "${app.name}" app access token`, app.appAccessToken);
  }
  for (const receiver of fixture.receivers) {
    noteSecret(`sandbox receiver "${receiver.name}" verify token`, receiver.verifyToken);
  }
}
