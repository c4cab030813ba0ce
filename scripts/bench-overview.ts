/**
 * `npm run bench:overview [-- --wabas 2000 --numbers 5 --latency 100 --loads 20]`
 *
 * The overview at fleet scale (#18). The Graph sandbox runs as its own process with a generated fleet and a fixed
 * latency on every call; this process plays the app on a memory PGlite:
 *   - before: the overview as it used to be built, from a live fleet scan per cache expiry (getOverview in
 *     lib/routing: the scan a visitor paid for every 30 s) — one cold load, timed, Graph calls counted;
 *   - now: one audit scan writes the snapshot (with the doctor's verdicts, as the background job does), then
 *     `--loads` overview reads from it (snapshotOverview, what the page and GET /api/overview call), each timed,
 *     with the Graph calls they sent (the goal: none).
 * Calls are counted by the sandbox's call log (`/_sandbox/calls`). Last line: one JSON object with the figures,
 * the CPU model and core count.
 */
import { parseArgs } from 'node:util';
import { snapshotOverview } from '@/lib/audit/overview';
import { startAuditScan } from '@/lib/audit/scan-job';
import { openDb } from '@/lib/db/client';
import { getOverview } from '@/lib/routing/get-overview';
import { benchEnv } from './lib/bench-env';
import { machine } from './lib/machine';
import { startSandboxProcess } from './lib/sandbox-process';

const { values } = parseArgs({
  options: {
    wabas: { type: 'string', default: '2000' },
    numbers: { type: 'string', default: '5' },
    latency: { type: 'string', default: '100' },
    loads: { type: 'string', default: '20' },
  },
});
const wabas = Number(values.wabas);
const numbersPerWaba = Number(values.numbers);
const latencyMs = Number(values.latency);
const loads = Math.max(1, Number(values.loads));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const sandbox = await startSandboxProcess({ fleet: { wabas, numbersPerWaba }, latencyMs });
const handle = await openDb({ dataDir: 'memory://' });
try {
  const { cpuModel: cpu, cores } = machine();
  console.log(
    `Sandbox fleet ${wabas} WABAs × ${numbersPerWaba} numbers, ${latencyMs} ms per Graph call; ${cpu} × ${cores}`,
  );
  const { env, routing } = benchEnv({
    url: sandbox.url,
    fixture: sandbox.fixture,
    db: handle.db,
    verdicts: true,
  });

  await sandbox.control.clearCalls();
  let started = performance.now();
  const live = await getOverview(routing, { refresh: true });
  const liveMs = Math.round(performance.now() - started);
  const liveCalls = (await sandbox.control.calls()).length;
  console.log(`before (live fleet scan per cache expiry): ${liveMs} ms, ${liveCalls} Graph calls`);

  await sandbox.control.clearCalls();
  started = performance.now();
  const scan = await (await startAuditScan(env, 'bench')).finished;
  const scanMs = Math.round(performance.now() - started);
  const scanCalls = (await sandbox.control.calls()).length;
  if (scan?.status !== 'completed') throw new Error(`audit scan ${scan?.status}`);
  console.log(`snapshot (background job, once per refresh): ${scanMs} ms, ${scanCalls} Graph calls`);

  await sandbox.control.clearCalls();
  const times: number[] = [];
  let numbers = 0;
  let undeliverable = 0;
  for (let i = 0; i < loads; i++) {
    const t = performance.now();
    const overview = await snapshotOverview(handle.db);
    times.push(performance.now() - t);
    numbers = overview.numberCount;
    undeliverable = overview.undeliverable?.total ?? 0;
  }
  const overviewCalls = (await sandbox.control.calls()).length;
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = Math.round(percentile(sorted, 50));
  const max = Math.round(sorted.at(-1) ?? 0);
  if (numbers !== live.numberCount)
    throw new Error(`snapshot has ${numbers} numbers, Graph ${live.numberCount}`);
  console.log(
    `now (from the snapshot): ${loads} loads, p50 ${p50} ms, max ${max} ms, ${overviewCalls} Graph calls; ` +
      `${numbers} numbers, ${undeliverable} cannot receive messages. ` +
      `Target ≤ 1,000 ms with no per-visitor scan: ${max <= 1_000 && overviewCalls === 0 ? 'met' : 'MISSED'}`,
  );
  console.log(
    JSON.stringify({
      numbers,
      latency_ms: latencyMs,
      live_overview_ms: liveMs,
      live_overview_calls: liveCalls,
      snapshot_scan_ms: scanMs,
      snapshot_scan_calls: scanCalls,
      overview_loads: loads,
      overview_p50_ms: p50,
      overview_max_ms: max,
      overview_calls: overviewCalls,
      undeliverable,
      cpu,
      cores,
    }),
  );
} finally {
  await handle.close();
  await sandbox.close();
}
