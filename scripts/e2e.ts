/**
 * `npm run test:e2e` after the one build both runs share: the browser suite twice, side by side — on embedded
 * PGlite and on a throwaway PostgreSQL server — each with its own sandbox, app, database, report and
 * artefacts (playwright.config.ts says which specs run on which engine). Lines are prefixed with the
 * database. Exits non-zero when either run fails. Extra arguments go to both runs (e.g. a spec file);
 * E2E_DATABASES=pglite (or postgres) runs just one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const databases = (process.env.E2E_DATABASES ?? 'pglite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d) => d === 'pglite' || d === 'postgres');
const cli = path.join(process.cwd(), 'node_modules', '@playwright', 'test', 'cli.js');
const started = Date.now();

// With a spec named, the engine that does not run it (playwright.config.ts) finds no test: that is not a failure.
const args = process.argv.slice(2);
const targeted = args.length > 0 ? ['--pass-with-no-tests'] : [];

function run(database: string): Promise<number> {
  const child = spawn(process.execPath, [cli, 'test', ...targeted, ...args], {
    env: { ...process.env, E2E_DATABASE: database },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${database}]`.padEnd(11);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim()) console.log(`${prefix}${line}`);
    });
  }
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const codes = await Promise.all(databases.map(run));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
databases.forEach((database, i) => {
  console.log(`browser suite on ${database}: ${codes[i] === 0 ? 'passed' : `FAILED (exit ${codes[i]})`}`);
});
console.log(`browser suites took ${minutes} min`);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
