/**
 * One audit scan in a process of its own, for `npm run bench:audit`: the app's part only (scanner, doctor
 * verdicts, snapshot writes into the database), so its wall time and its peak RSS and heap are the app's — not
 * the bench's or the sandbox's. The database is PGlite in `--data-dir` (already migrated by the bench, as a
 * running app's is) or PostgreSQL when DATABASE_URL is set. Prints one JSON line with the figures.
 */
import { parseArgs } from 'node:util';
import { startAuditScan } from '../../lib/audit/scan-job';
import { openDb } from '../../lib/db/client';
import { sandboxClient } from '../../lib/graph-sandbox/client';
import { benchEnv, withMemoryPeak } from './bench-env';

const { values } = parseArgs({
  options: {
    sandbox: { type: 'string' },
    'data-dir': { type: 'string' },
    verdicts: { type: 'string', default: 'on' },
    concurrency: { type: 'string' },
    apps: { type: 'string', default: '1' },
  },
});
if (!values.sandbox) throw new Error('--sandbox is required');
const fixture = await sandboxClient(values.sandbox).fixture();
const handle = await openDb(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: values['data-dir'] ?? 'memory://' },
);
try {
  const { env } = benchEnv({
    url: values.sandbox,
    fixture,
    db: handle.db,
    verdicts: values.verdicts !== 'off',
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    apps: Number(values.apps),
  });
  const started = performance.now();
  const measured = await withMemoryPeak(async () => (await startAuditScan(env, 'bench')).finished);
  const wallMs = Math.round(performance.now() - started);
  process.stdout.write(
    `${JSON.stringify({
      scan: measured.result,
      wallMs,
      rssBeforeMb: measured.rssBeforeMb,
      rssPeakMb: measured.rssPeakMb,
      heapPeakMb: measured.heapPeakMb,
    })}\n`,
  );
} finally {
  await handle.close();
}
