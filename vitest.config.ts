import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

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
      [
        'json',
        {
          outputFile: `.test-reports/vitest${process.env.TEST_DATABASE === 'postgres' ? '-postgres' : ''}.json`,
        },
      ],
    ],
  },
});
