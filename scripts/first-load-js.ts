/**
 * `npm run bench:bundle` (after `next build`; optional argument: the build directory, default `.next`): the
 * first-load JavaScript of every page, gzipped, computed from the build's manifests — Next 16 no longer prints
 * its size table (what counts: scripts/lib/first-load.ts). Prints one line per page, then as its last line one
 * JSON object; exits 1 when a page with a budget is over it.
 */
import os from 'node:os';
import path from 'node:path';
import { checkBudgets, firstLoadByRoute, kb } from './lib/first-load';

/** Issue #18: the overview, WABA and number pages load at most 150 kB of JavaScript, gzipped. */
const BUDGET_KB: Record<string, number> = {
  '/': 150,
  '/wabas/[wabaId]': 150,
  '/numbers/[phoneNumberId]': 150,
};

const distDir = path.resolve(process.argv[2] ?? '.next');
let result: ReturnType<typeof firstLoadByRoute>;
try {
  result = firstLoadByRoute(distDir);
} catch (error) {
  console.error(
    `Cannot read a build in ${distDir} (run \`npx next build\` first): ${(error as Error).message}`,
  );
  process.exit(1);
}
const { pages, frameworkGzipBytes } = result;
const { over, missing } = checkBudgets(pages, BUDGET_KB);

const width = Math.max(...pages.map((p) => p.route.length));
console.log(`First-load JS per page (gzip; the framework's root chunks alone ${kb(frameworkGzipBytes)} kB)`);
for (const p of pages) {
  const budget = BUDGET_KB[p.route];
  const verdict =
    budget === undefined ? '' : over.includes(p.route) ? `  > ${budget} kB: OVER` : `  ≤ ${budget} kB: met`;
  console.log(
    `${p.route.padEnd(width)}  ${String(kb(p.gzipBytes)).padStart(6)} kB gzip  ${String(kb(p.rawBytes)).padStart(6)} kB raw  ${String(p.chunks).padStart(2)} chunks${verdict}`,
  );
}
for (const route of missing) console.error(`No page ${route} in the build: its budget checks nothing.`);
console.log(
  JSON.stringify({
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    framework_gzip_kb: kb(frameworkGzipBytes),
    first_load_gzip_kb: Object.fromEntries(pages.map((p) => [p.route, kb(p.gzipBytes)])),
    first_load_raw_kb: Object.fromEntries(pages.map((p) => [p.route, kb(p.rawBytes)])),
    budget_kb: BUDGET_KB,
    over,
  }),
);
if (over.length > 0 || missing.length > 0) process.exit(1);
