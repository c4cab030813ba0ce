import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium: `npx playwright install` cannot download browsers here. */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const database = process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'pglite';

export default defineConfig({
  testDir: './e2e',
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
    trace: 'retain-on-failure',
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
