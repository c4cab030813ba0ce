/**
 * Creates a new PGlite data dir (initdb) in a worker thread that then exits. initdb grows PGlite's WebAssembly
 * memory to about 800 MB and WebAssembly memory never shrinks, so run in the app's own thread it would stay in
 * the process for its whole life (measured here: 877 MB right after, 522 MB after GC, against 233 MB for opening
 * an existing dir). The worker's memory goes with the worker.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated in the worker (no file to bundle or trace); PGlite resolves from the app's node_modules.
const INIT_DATA_DIR = `
const { parentPort, workerData } = require('node:worker_threads');
import('@electric-sql/pglite')
  .then(async ({ PGlite }) => {
    const db = await PGlite.create({ dataDir: workerData.dataDir });
    await db.close();
  })
  .then(
    () => parentPort.postMessage({ ok: true }),
    (error) => parentPort.postMessage({ ok: false, message: String((error && error.stack) || error) }),
  );
`;

/** True when `dataDir` already holds a cluster (PostgreSQL writes PG_VERSION first thing). */
export function hasCluster(dataDir: string): boolean {
  return existsSync(path.join(/* turbopackIgnore: true */ dataDir, 'PG_VERSION'));
}

export async function initDataDirInWorker(dataDir: string): Promise<void> {
  if (hasCluster(dataDir)) return;
  const worker = new Worker(INIT_DATA_DIR, { eval: true, workerData: { dataDir } });
  try {
    const result = await new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the PGlite initdb worker exited with ${code}`)));
    });
    if (!result.ok) throw new Error(`Creating the PGlite data dir ${dataDir} failed: ${result.message}`);
  } finally {
    await worker.terminate();
  }
}
