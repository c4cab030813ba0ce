import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import UnhandledErrorsReporter from './lib/testing/unhandled-errors-reporter';

const root = fileURLToPath(new URL('.', import.meta.url));
const report = process.env.TEST_DATABASE === 'postgres' ? 'vitest-postgres' : 'vitest';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // `server-only` throws outside React Server Components; tests and scripts run server code directly.
      { find: /^server-only$/, replacement: `${root}lib/testing/server-only-stub.ts` },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['lib/testing/vitest-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // One report per database: `npm test` runs Vitest on PGlite, then on PostgreSQL, and counts both.
    reporters: [
      'default',
      ['json', { outputFile: `.test-reports/${report}.json` }],
      new UnhandledErrorsReporter(`.test-reports/${report}-unhandled.json`),
    ],
  },
});
