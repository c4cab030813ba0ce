import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium: `npx playwright install` cannot download browsers here. */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const database = process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/**
 * Specs whose outcome does not depend on the database engine run once, on one engine each, split so the two
 * side-by-side runs take about as long (figures in the comments: seconds per spec in a fresh-clone CI run on
 * this 2-core machine). Engine-independent means the spec tests rendering, axe, HTTP behaviour, permission
 * gating, Graph calls and their errors, or forms against the sandbox, and the database code under it is SQL both
 * engines run alike (and which Vitest runs on both: `npm run test:postgres`). Specs that go through code where the
 * engines differ — users behind a row lock, jobs claimed under an advisory lock with heartbeats (audit scans, bulk
 * re-routing), deliveries stored from concurrent requests — run on PostgreSQL, where locks and concurrent
 * connections are real (PGlite has one connection, so its locks never wait). receivers-crash runs on both: a
 * killed app must lose no delivery, on disk and on a server. Two instances on one database is PostgreSQL's
 * alone. A new spec runs on both until it is listed here. `E2E_ALL_SPECS=1` runs every spec on both engines.
 */
const ENGINE_INDEPENDENT: Record<typeof database, string[]> = {
  // With the specs on both engines, each engine's share is about 300-320 s.
  pglite: [
    'a11y-pages.spec.ts', // ~50 s: axe on every page
    'auth.spec.ts', // ~44 s: redirects, headers and CSP, sign-in messages, rate-limit answers, callbackUrl
    // ~50 s: a session re-checked against its user row on each request is one plain indexed read on either engine
    // (lib/auth's Vitest suites run it on both); most of its time is bcrypt at sign-in, not the database.
    'auth-session.spec.ts',
    'authorization-matrix.spec.ts', // ~5 s
    'console-phone-override.spec.ts', // ~12 s
    'console-ux.spec.ts', // ~47 s: dialogs, overview wording and charts, layout (audit covers scans and bulk)
    'graph-proof.spec.ts', // ~9 s: every Graph call carries appsecret_proof
    'on-premises.spec.ts', // ~20 s: the Coreapp forms against the sandbox
    'settings.spec.ts', // ~20 s: connection, token check, app tier through the override flow
    'wabas-override.spec.ts', // ~12 s
  ],
  postgres: [
    'a11y.spec.ts', // ~43 s: axe on every dialog and form state, keyboard paths
    // ~21 s: scans, drift and bulk jobs through the console; lib/audit's Vitest suites run on both engines.
    'audit.spec.ts',
    'activity.spec.ts', // ~13 s: the change log's filters and paging (lib/db's queries run on both in Vitest)
    'audit-layout.spec.ts', // ~3 s: column geometry at 1366 px
    'auth-oidc.spec.ts', // ~9 s: the provider round trip
    'console-overview.spec.ts', // ~13 s
    'console-secrets.spec.ts', // ~10 s
    'doctor.spec.ts', // ~17 s: the delivery check reads Graph
    'numbers-errors.spec.ts', // ~34 s: 404s, malformed ids and Graph errors on the number page
    'receivers.spec.ts', // ~30 s: managed receivers (lib/receivers' Vitest suites run the store on both engines)
    'receivers-picker.spec.ts', // ~24 s: overrides from a managed receiver, the token never in the browser
    'users.spec.ts', // ~21 s: the Users page and role changes (lib/db/users runs on both in Vitest)
    'wabas-list.spec.ts', // ~3 s
    'write-unverified.spec.ts', // ~6 s: a Graph read-back fault
  ],
};
// A misspelt or renamed entry would silently put that spec back on both engines.
for (const spec of Object.values(ENGINE_INDEPENDENT).flat()) {
  if (!existsSync(new URL(`./e2e/${spec}`, import.meta.url)))
    throw new Error(`playwright.config.ts lists e2e/${spec}, which does not exist`);
}
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
