import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium: `npx playwright install` cannot download browsers here. */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const database = process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/**
 * Specs whose outcome does not depend on the database engine — rendering and axe, permission gating, Graph
 * error handling, override forms against the sandbox — run once, on one engine each, split so the two
 * side-by-side runs take about as long (the PGlite run used to carry all of them and finish minutes after the
 * PostgreSQL one, with a core idle). Everything that reads or writes data the engines could treat differently
 * (sessions and users, change log and activity, audit snapshots and bulk jobs, receivers and the crash test,
 * settings and usage, two instances) runs on both. `E2E_ALL_SPECS=1` runs every spec on both engines.
 */
const ENGINE_INDEPENDENT: Record<typeof database, string[]> = {
  pglite: [
    'authorization-matrix.spec.ts',
    'console-phone-override.spec.ts',
    'numbers-errors.spec.ts',
    'wabas-override.spec.ts',
  ],
  postgres: ['a11y.spec.ts', 'console-overview.spec.ts', 'console-secrets.spec.ts', 'wabas-list.spec.ts'],
};
const otherEngine = database === 'postgres' ? 'pglite' : 'postgres';

export default defineConfig({
  testDir: './e2e',
  testIgnore: process.env.E2E_ALL_SPECS ? [] : ENGINE_INDEPENDENT[otherEngine],
  // One app + one sandbox per run; specs share the sandbox, so they run one at a time and reset it.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // E2E_DATABASE (pglite | postgres) picks the database; each run keeps its own report and artefacts.
  reporter: [['list'], ['json', { outputFile: `.test-reports/playwright-${database}.json` }]],
  outputDir: `test-results/${database}`,
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    // Tracing costs about a fifth of the suite's time; CI keeps screenshots, local runs keep traces too.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
