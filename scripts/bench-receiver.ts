/**
 * `npm run bench:receiver` (after `npm run build`): signed webhook deliveries — with a share of duplicates
 * and of bad signatures — from this process at increasing rates against the production server, on a fresh
 * embedded database. Prints each step, then the ledger read back from the database after the server has
 * stopped, which must balance: sent = stored + duplicates + rejected. The last line is one JSON object.
 *
 * BENCH_RATES (default 250,500,1000,1500,2000 per second), BENCH_STEP_SECONDS (default 5),
 * BENCH_DUPLICATE_SHARE (0.1), BENCH_BAD_SIGNATURE_SHARE (0.05),
 * BENCH_DATABASE=postgres (a throwaway PostgreSQL server with its durable defaults — fsync and synchronous
 * commit on — instead of the embedded database; needs the server binaries, see lib/testing/postgres.ts),
 * BENCH_CPU_PROF=<dir> (the server runs under `node --cpu-prof`; profiles land in <dir> when it stops),
 * BENCH_NODE_ARGS (more flags for the server: scripts/lib/server-command.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres } from '../lib/testing/postgres';
import { HookLoad, type StepResult } from './lib/hook-load';
import { machine } from './lib/machine';
import { readLedger, seedReceiver } from './lib/seed-receiver';
import { benchNodeArgs } from './lib/server-command';
import { startStack } from './lib/stack';

const P99_TARGET_MS = 100;

function numberList(value: string | undefined, fallback: number[]): number[] {
  const list = (value ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  return list.length ? list : fallback;
}

if (!existsSync(path.join('.next', 'BUILD_ID'))) {
  console.error('bench:receiver needs a production build: run `npm run build` first.');
  process.exit(2);
}

const rates = numberList(process.env.BENCH_RATES, [250, 500, 1000, 1500, 2000]).slice(0, 10);
const stepSeconds = Math.min(30, numberList(process.env.BENCH_STEP_SECONDS, [5])[0] ?? 5);
const duplicateShare = Number(process.env.BENCH_DUPLICATE_SHARE ?? 0.1);
const badSignatureShare = Number(process.env.BENCH_BAD_SIGNATURE_SHARE ?? 0.05);

const database = process.env.BENCH_DATABASE === 'postgres' ? 'postgres' : 'pglite';
const postgres = database === 'postgres' ? await startPostgres({ durable: true }) : null;
const databaseUrl = postgres?.url;
const workDir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
const dataDir = path.join(workDir, 'db');
const secretsKey = randomBytes(32).toString('base64');
const receiver = await seedReceiver(dataDir, secretsKey, databaseUrl);
const host = machine();
const loadBefore = loadavg()[0] ?? 0;
const stack = await startStack({
  dataDir,
  quiet: true,
  env: { SECRETS_KEY: secretsKey, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  nodeArgs: benchNodeArgs(),
});
const phoneNumberId = stack.sandbox.fixture.scenarios.phoneNumberTier.phoneNumberId;
const load = new HookLoad({
  url: `${stack.appUrl}/api/hooks/${receiver.id}`,
  appSecret: receiver.appSecret,
  phoneNumberId,
  duplicateShare,
  badSignatureShare,
  runId: randomBytes(4).toString('hex'),
});

const results: StepResult[] = [];
let sent = 0;
try {
  console.log(
    `Machine: ${host.cpuModel}, ${host.cores} cores; load average ${loadBefore.toFixed(2)} before the run (other work on the machine skews every figure)`,
  );
  console.log(
    `Receiver ${receiver.id} on ${stack.appUrl} (${database === 'postgres' ? 'PostgreSQL, fsync on' : 'embedded PGlite'}); ${Math.round(duplicateShare * 100)}% duplicates, ${Math.round(badSignatureShare * 100)}% bad signatures`,
  );
  // Warm-up: JIT, connection pool, first database pages. Counted in the ledger, not in the steps.
  sent += (await load.step(300, 4)).sent;
  console.log('offered/s  achieved/s   p50 ms   p99 ms   max ms   stored  dup  rejected  errors');
  for (const rate of rates) {
    const r = await load.step(rate, stepSeconds);
    sent += r.sent;
    results.push(r);
    console.log(
      [
        r.offeredRps,
        r.achievedRps,
        r.p50Ms,
        r.p99Ms,
        r.maxMs,
        r.answers.stored,
        r.answers.duplicate,
        r.answers.rejected,
        r.answers.error,
      ]
        .map((v, i) => String(v).padStart(i === 0 ? 9 : 9))
        .join(''),
    );
    // Past saturation the queue only grows; stop before the server drowns.
    if (r.p99Ms > 2_000 || r.answers.error > r.sent * 0.01) break;
  }
} finally {
  load.close();
  await stack.stop();
}

const ledger = await readLedger(dataDir, receiver.id, databaseUrl);
await rm(workDir, { recursive: true, force: true });
await postgres?.stop();
const recorded = ledger.stored + ledger.duplicates + ledger.rejected;
console.log(
  `Ledger (from the database): sent ${sent} = stored ${ledger.stored} + duplicates ${ledger.duplicates} + rejected ${ledger.rejected}` +
    (recorded === sent ? ' ✓' : ` ✗ (off by ${sent - recorded})`),
);
const sustained = results.filter((r) => r.answers.error === 0 && r.achievedRps >= r.offeredRps * 0.95);
const withinTarget = sustained.filter((r) => r.p99Ms <= P99_TARGET_MS);
const best = withinTarget.at(-1) ?? sustained.at(-1) ?? results[0];
if (best) {
  console.log(
    `Best step within p99 ≤ ${P99_TARGET_MS} ms: ${withinTarget.length ? `${best.achievedRps}/s` : 'none'}`,
  );
}
console.log(
  JSON.stringify({
    cpu: host.cpuModel,
    cores: host.cores,
    load_average_before: Number(loadBefore.toFixed(2)),
    database,
    balanced: recorded === sent,
    sent,
    stored: ledger.stored,
    duplicates: ledger.duplicates,
    rejected: ledger.rejected,
    rps: best?.achievedRps ?? 0,
    p50_ms: best?.p50Ms ?? 0,
    p99_ms: best?.p99Ms ?? 0,
    p99_target_ms: P99_TARGET_MS,
    steps: results.map((r) => ({
      offered: r.offeredRps,
      achieved: r.achievedRps,
      p50_ms: r.p50Ms,
      p99_ms: r.p99Ms,
    })),
  }),
);
process.exit(recorded === sent ? 0 : 1);
