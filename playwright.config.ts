import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium: `npx playwright install` cannot download browsers here. */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const database = process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/**
 * Specs whose outcome does not depend on the database engine — rendering and axe, permission gating, Graph
 * error handling, override forms against the sandbox — run on PGlite only, to keep the side-by-side run short.
 * Everything that reads or writes data the engines could treat differently (sessions and users, change log
 * and activity, audit snapshots and bulk jobs, receivers and the crash test, settings and usage, two
 * instances) runs on both. `E2E_ALL_SPECS=1` runs everything on PostgreSQL too.
 */
const PGLITE_ONLY = [
  'a11y.spec.ts',
  'authorization-matrix.spec.ts',
  'console-overview.spec.ts',
  'console-phone-override.spec.ts',
  'console-secrets.spec.ts',
  'numbers-errors.spec.ts',
  'wabas-list.spec.ts',
  'wabas-override.spec.ts',
];

export default defineConfig({
  testDir: './e2e',
  testIgnore: database === 'postgres' && !process.env.E2E_ALL_SPECS ? PGLITE_ONLY : [],
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
