/**
 * Prints one closing line for the whole `npm test` run, from the Vitest and Playwright JSON reports:
 * `tests: N passed, N failed, N skipped`. CI reads this line; each runner's own summary stays above it.
 */
import { readFile } from 'node:fs/promises';
import type { UnhandledErrorEntry } from '@/lib/testing/unhandled-errors-reporter';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

function fromVitest(report: unknown): Counts {
  const r = report as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number } | null;
  return { passed: r?.numPassedTests ?? 0, failed: r?.numFailedTests ?? 0, skipped: r?.numPendingTests ?? 0 };
}

function fromPlaywright(report: unknown): Counts {
  const s = (
    report as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } }
  )?.stats;
  return {
    passed: (s?.expected ?? 0) + (s?.flaky ?? 0),
    failed: s?.unexpected ?? 0,
    skipped: s?.skipped ?? 0,
  };
}

const unit = (
  await Promise.all(
    ['vitest.json', 'vitest-postgres.json'].map(async (file) =>
      fromVitest(await readJson(`.test-reports/${file}`)),
    ),
  )
).reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));
const browserRuns = await Promise.all(
  ['pglite', 'postgres'].map(async (db) =>
    fromPlaywright(await readJson(`.test-reports/playwright-${db}.json`)),
  ),
);
const browser = browserRuns.reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));
// Written by lib/testing/unhandled-errors-reporter.ts: each fails the run, so each is named here, at the end.
const unhandled = (
  await Promise.all(
    ['vitest', 'vitest-postgres'].map(async (report) =>
      (
        ((await readJson(`.test-reports/${report}-unhandled.json`)) as UnhandledErrorEntry[] | null) ?? []
      ).map((entry) => ({ ...entry, report })),
    ),
  )
).flat();
for (const e of unhandled) {
  console.log(
    `unhandled error (${e.report}${e.file ? `, while ${e.file} ran` : ''}): ${e.name}: ${e.message}`,
  );
  for (const line of e.stack.slice(0, 6)) console.log(`    ${line}`);
}
console.log(`unit+integration: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`browser: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
const failedRun = process.argv.includes('--failed');
const counted = unit.failed + browser.failed + unhandled.length;
const failed = counted + (failedRun && counted === 0 ? 1 : 0);
console.log(
  `tests: ${unit.passed + browser.passed} passed, ${failed} failed, ${unit.skipped + browser.skipped} skipped`,
);
