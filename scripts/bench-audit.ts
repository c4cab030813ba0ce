/**
 * `npm run bench:audit [-- --wabas 2000 --numbers 5 --latency 100 --concurrency 8 --naive auto|on|off
 *   --verdicts on|off --apps 1|2]`
 *
 * Starts the Graph sandbox as its own process (so this process's time and memory are the app's alone) with a
 * generated fleet and a fixed latency on every Graph call, then:
 *   - the audit as the app runs it: startAuditScan (nested field expansion, batched leftovers, throttle, the
 *     routing doctor's verdicts unless `--verdicts off`) with snapshots written to a real embedded database
 *     (PGlite, in memory) and drift marked — timed, with this process's peak RSS and heap while it runs;
 *   - the naive strategy at the same concurrency (`--naive auto`: only up to 12,000 numbers, it takes minutes
 *     beyond): list the WABAs (with their number ids), then one
 *     `GET /<PHONE_NUMBER_ID>?fields=webhook_configuration` per number and one `GET /<WABA_ID>/subscribed_apps`
 *     per WABA.
 * The floor is the listing's sequential pages (`ceil(WABAs of the largest business / 100)`) times the latency:
 * no scan can be faster, since each page's cursor comes from the one before (times the apps: each app's pass lists
 * the fleet with its own token).
 * `--apps 2` scans as the fixture's apps[0] and apps[1] (each with its own token, one pass after the other, as
 * the app scans every configured app) and prints each app's Graph calls (HTTP requests its client sent) and
 * wall time: calls scale with apps × listings, not numbers. The naive comparison stays one app's.
 * Calls are counted by the sandbox's call log (`/_sandbox/calls`; batch operations are logged one by one).
 * Prints a table, then as its last line one JSON object with the figures, the CPU model and core count.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pLimit from 'p-limit';
import type { AuditScanView } from '@/lib/audit/types';
import { openDb } from '@/lib/db/client';
import { SCAN_CONCURRENCY, SCAN_WABA_PAGE_SIZE } from '@/lib/fleet/scanner';
import { createGraphClient } from '@/lib/graph/client';
import { machine } from './lib/machine';
import { startSandboxProcess } from './lib/sandbox-process';
import { benchNodeArgs, serverCommand } from './lib/server-command';

const { values } = parseArgs({
  options: {
    wabas: { type: 'string', default: '2000' },
    numbers: { type: 'string', default: '5' },
    latency: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: String(SCAN_CONCURRENCY) },
    naive: { type: 'string', default: 'auto' },
    verdicts: { type: 'string', default: 'on' },
    apps: { type: 'string', default: '1' },
  },
});
const appCount = Number(values.apps);
if (!Number.isInteger(appCount) || appCount < 1) throw new Error('--apps must be a whole number ≥ 1');
const wabas = Number(values.wabas);
const numbersPerWaba = Number(values.numbers);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const runNaiveToo = values.naive === 'on' || (values.naive === 'auto' && wabas * numbersPerWaba <= 12_000);
const verdicts = values.verdicts !== 'off';

const run = promisify(execFile);
const sandbox = await startSandboxProcess({ fleet: { wabas, numbersPerWaba }, latencyMs });
const businessIds = sandbox.fixture.businesses.map((b) => b.id);
const control = sandbox.control;
const sandboxCalls = () => control.calls();
const clearCalls = () => control.clearCalls();

/** The scan runs in its own process (scripts/lib/audit-worker.ts), so its time and memory are the app's. */
async function runAudit() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
  try {
    if (!process.env.DATABASE_URL) {
      // Migrated here, as a running app's database already is: the worker measures the scan, not initdb.
      await (await openDb({ dataDir })).close();
    }
    await clearCalls();
    // The server's own Node flags and allocator settings (`npm start`), so the memory measured is the app's.
    const server = serverCommand();
    const args = [...server.nodeFlags, ...benchNodeArgs(), 'scripts/lib/audit-worker.ts'];
    args.push('--sandbox', sandbox.url, '--data-dir', dataDir, '--verdicts', verdicts ? 'on' : 'off');
    args.push('--concurrency', String(concurrency), '--apps', String(appCount));
    const { stdout } = await run(process.execPath, args, {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, ...server.env },
    });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    const out = JSON.parse(last) as {
      scan: AuditScanView | null;
      wallMs: number;
      rssBeforeMb: number;
      rssPeakMb: number;
      heapPeakMb: number;
    };
    const scan = out.scan;
    if (scan?.status !== 'completed')
      throw new Error(`audit scan ${scan?.status}: ${JSON.stringify(scan?.errors)}`);
    const calls = await sandboxCalls();
    return {
      numbers: scan.numbersScanned,
      wabas: scan.wabasScanned,
      http: scan.graphCalls,
      logged: calls.length,
      batchOps: calls.filter((c) => c.batch).length,
      wallMs: out.wallMs,
      memory: out,
      apps: scan.apps,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runNaive() {
  const app = sandbox.fixture.apps[0];
  if (!app) throw new Error('the sandbox fixture has no app');
  const graph = createGraphClient({
    baseUrl: sandbox.url,
    version: sandbox.fixture.graphVersion,
    accessToken: app.accessToken,
    timeoutMs: 30_000,
  });
  const limit = pLimit(concurrency);
  await clearCalls();
  const started = performance.now();
  const listings = await Promise.all(
    businessIds.flatMap((businessId) =>
      (['owned', 'client'] as const).map((ownership) =>
        limit(() =>
          graph.listAllWabas(businessId, ownership, {
            fields: 'id,phone_numbers.limit(100){id}',
            pageSize: 100,
          }),
        ),
      ),
    ),
  );
  const unique = new Map(listings.flat().map((waba) => [waba.id, waba]));
  const numberIds = [...unique.values()].flatMap((waba) => waba.phone_numbers?.data.map((n) => n.id) ?? []);
  await Promise.all([
    ...[...unique.keys()].map((wabaId) => limit(() => graph.listSubscribedApps(wabaId))),
    ...numberIds.map((id) => limit(() => graph.getWebhookConfiguration(id))),
  ]);
  const wallMs = Math.round(performance.now() - started);
  const calls = await sandboxCalls();
  return {
    numbers: numberIds.length,
    wabas: unique.size,
    http: calls.length,
    logged: calls.length,
    batchOps: 0,
    wallMs,
  };
}

type StrategyRow = Omit<Awaited<ReturnType<typeof runAudit>>, 'memory' | 'apps'>;

function table(rows: Array<[string, StrategyRow]>) {
  const header = [
    'strategy',
    'numbers',
    'wabas',
    'HTTP calls',
    'logged calls',
    'batch ops',
    'numbers/call',
    'wall ms',
  ];
  const lines = rows.map(([name, r]) => [
    name,
    String(r.numbers),
    String(r.wabas),
    String(r.http),
    String(r.logged),
    String(r.batchOps),
    (r.numbers / Math.max(1, r.logged)).toFixed(1),
    String(r.wallMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const format = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

try {
  const { cpuModel: cpu, cores } = machine();
  console.log(
    `Sandbox fleet ${wabas} WABAs × ${numbersPerWaba} numbers, ${latencyMs} ms per Graph call, concurrency ${concurrency}, verdicts ${verdicts ? 'on' : 'off'}, ${appCount} app${appCount === 1 ? '' : 's'}; ${cpu} × ${cores}`,
  );
  const audit = await runAudit();
  // Each app's pass lists the fleet again, one after the other: the floor is per app.
  const floorPages = Math.ceil(wabas / SCAN_WABA_PAGE_SIZE) * appCount;
  const floorMs = floorPages * latencyMs;
  const floorRatio = audit.wallMs / Math.max(1, floorMs);
  console.log(
    `audit done in ${audit.wallMs} ms (${floorRatio.toFixed(2)}× the floor of ${floorPages} sequential listing pages = ${floorMs} ms); ` +
      `app RSS ${audit.memory.rssBeforeMb} → peak ${audit.memory.rssPeakMb} MB, heap peak ${audit.memory.heapPeakMb} MB`,
  );
  if (runNaiveToo) console.log('running the naive strategy…');
  const naive = runNaiveToo ? await runNaive() : null;
  const rows: Array<[string, StrategyRow]> = [['audit', audit]];
  if (naive) rows.push(['naive', naive]);
  console.log(table(rows));
  for (const app of audit.apps) {
    console.log(
      `  as ${app.appLabel} (${app.appId}): ${app.graphCalls} Graph calls, ${app.wallMs} ms, ${app.numbersScanned} numbers in ${app.wabasScanned} WABAs${app.errors ? `, ${app.errors} errors` : ''}`,
    );
  }
  const perCall = audit.numbers / Math.max(1, audit.logged);
  console.log(
    `audit: ${perCall.toFixed(1)} numbers per Graph call (target ≥ 50): ${perCall >= 50 ? 'met' : 'MISSED'}; ` +
      `${floorRatio.toFixed(2)}× the floor (target ≤ 1.25×): ${floorRatio <= 1.25 ? 'met' : 'MISSED'}; ` +
      `app RSS peak ${audit.memory.rssPeakMb} MB (target ≤ 400 MB): ${audit.memory.rssPeakMb <= 400 ? 'met' : 'MISSED'}` +
      (naive
        ? `; ${(naive.wallMs / Math.max(1, audit.wallMs)).toFixed(1)}× faster than naive (target ≥ 20×): ${
            naive.wallMs / Math.max(1, audit.wallMs) >= 20 ? 'met' : 'MISSED'
          }`
        : ''),
  );
  console.log(
    JSON.stringify({
      numbers: audit.numbers,
      wabas: audit.wabas,
      latency_ms: latencyMs,
      verdicts,
      calls: audit.logged,
      wall_ms: audit.wallMs,
      floor_ms: floorMs,
      floor_ratio: Number(floorRatio.toFixed(3)),
      app_rss_before_mb: audit.memory.rssBeforeMb,
      app_rss_peak_mb: audit.memory.rssPeakMb,
      app_heap_peak_mb: audit.memory.heapPeakMb,
      // What the scan itself added: the rest is the process and the embedded database at rest.
      app_rss_growth_mb: audit.memory.rssPeakMb - audit.memory.rssBeforeMb,
      // Per app, in scan order: its client's HTTP requests (a batch is one) and its pass's wall time.
      apps: audit.apps.map((app) => ({
        app_id: app.appId,
        label: app.appLabel,
        calls: app.graphCalls,
        wall_ms: app.wallMs,
        numbers: app.numbersScanned,
        wabas: app.wabasScanned,
      })),
      naive_calls: naive?.logged ?? null,
      naive_wall_ms: naive?.wallMs ?? null,
      cpu,
      cores,
    }),
  );
} finally {
  await sandbox.close();
}
