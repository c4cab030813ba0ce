/**
 * `npm run bench:audit [-- --wabas 2000 --numbers 5 --latency 100 --concurrency 8]`
 *
 * Starts the Graph sandbox in-process with a generated fleet and a fixed latency on every Graph call, then in
 * the same run:
 *   - the audit as the app runs it: startAuditScan (nested field expansion, batched leftovers, throttle) with
 *     snapshots written to a real embedded database (PGlite, in memory) and drift marked;
 *   - the naive strategy at the same concurrency: list the WABAs (with their number ids), then one
 *     `GET /<PHONE_NUMBER_ID>?fields=webhook_configuration` per number and one `GET /<WABA_ID>/subscribed_apps`
 *     per WABA.
 * Calls are counted by the sandbox's call log (`/_sandbox/calls`; batch operations are logged one by one).
 * Prints a table, then as its last line one JSON object with the figures.
 */
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { createAuditGraph } from '@/lib/audit/graph';
import { startAuditScan } from '@/lib/audit/scan-job';
import { openDb } from '@/lib/db/client';
import { SCAN_CONCURRENCY } from '@/lib/fleet/scanner';
import { createGraphClient, type GraphClientOptions } from '@/lib/graph/client';
import { sandboxClient } from '@/lib/graph-sandbox/client';
import { startSandbox } from '@/lib/graph-sandbox/server';

const { values } = parseArgs({
  options: {
    wabas: { type: 'string', default: '2000' },
    numbers: { type: 'string', default: '5' },
    latency: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: String(SCAN_CONCURRENCY) },
  },
});
const wabas = Number(values.wabas);
const numbersPerWaba = Number(values.numbers);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);

const sandbox = await startSandbox({ port: 0, fleet: { wabas, numbersPerWaba }, latencyMs });
const app = sandbox.fixture.apps[0];
if (!app) throw new Error('the sandbox fixture has no app');
const appId = app.id;
const businessIds = sandbox.fixture.businesses.map((b) => b.id);
const clientOptions: GraphClientOptions = {
  baseUrl: sandbox.url,
  version: sandbox.fixture.graphVersion,
  accessToken: app.accessToken,
  timeoutMs: 30_000,
};

const control = sandboxClient(sandbox.url);
const sandboxCalls = () => control.calls();
const clearCalls = () => control.clearCalls();

async function runAudit() {
  const handle = await openDb({ dataDir: 'memory://' });
  try {
    await clearCalls();
    const started = performance.now();
    const { finished } = await startAuditScan(
      {
        db: handle.db,
        appId,
        businessIds,
        connect: () => createAuditGraph(clientOptions),
        routing: async () => {
          throw new Error('the audit does not write');
        },
        scanOptions: { concurrency },
      },
      'bench',
    );
    const scan = await finished;
    const wallMs = Math.round(performance.now() - started);
    if (scan?.status !== 'completed')
      throw new Error(`audit scan ${scan?.status}: ${JSON.stringify(scan?.errors)}`);
    const calls = await sandboxCalls();
    return {
      numbers: scan.numbersScanned,
      wabas: scan.wabasScanned,
      http: scan.graphCalls,
      logged: calls.length,
      batchOps: calls.filter((c) => c.batch).length,
      wallMs,
    };
  } finally {
    await handle.close();
  }
}

async function runNaive() {
  const graph = createGraphClient(clientOptions);
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

function table(rows: Array<[string, Awaited<ReturnType<typeof runAudit>>]>) {
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
  console.log(
    `Sandbox fleet ${wabas} WABAs × ${numbersPerWaba} numbers, ${latencyMs} ms per Graph call, concurrency ${concurrency}`,
  );
  const audit = await runAudit();
  console.log(`audit done in ${audit.wallMs} ms; running the naive strategy…`);
  const naive = await runNaive();
  console.log(
    table([
      ['audit', audit],
      ['naive', naive],
    ]),
  );
  const perCall = audit.numbers / Math.max(1, audit.logged);
  const speedup = naive.wallMs / Math.max(1, audit.wallMs);
  console.log(
    `audit: ${perCall.toFixed(1)} numbers per Graph call (target ≥ 50): ${perCall >= 50 ? 'met' : 'MISSED'}; ` +
      `${speedup.toFixed(1)}× faster than naive (target ≥ 20×): ${speedup >= 20 ? 'met' : 'MISSED'}`,
  );
  console.log(
    JSON.stringify({
      numbers: audit.numbers,
      wabas: audit.wabas,
      calls: audit.logged,
      wall_ms: audit.wallMs,
      naive_calls: naive.logged,
      naive_wall_ms: naive.wallMs,
    }),
  );
} finally {
  await sandbox.close();
}
