/**
 * The Graph sandbox as its own process for benchmarks (`npm run sandbox`'s entry point), so the figures of the
 * process under test — the app's scanner, database and memory — do not include the sandbox's work or its
 * in-memory fleet. Resolves once the sandbox answers its health check.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type FixtureIdentities, type SandboxClient, sandboxClient } from '../../lib/graph-sandbox/client';
import { freePort } from '../../lib/testing/free-port';

export interface SandboxProcess {
  url: string;
  fixture: FixtureIdentities;
  control: SandboxClient;
  close(): Promise<void>;
}

export async function startSandboxProcess(options: {
  fleet?: { wabas: number; numbersPerWaba: number };
  latencyMs?: number;
}): Promise<SandboxProcess> {
  const port = await freePort();
  const args = [
    '--import',
    'tsx',
    'lib/graph-sandbox/main.ts',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
  ];
  if (options.fleet) args.push('--fleet', `${options.fleet.wabas}x${options.fleet.numbersPerWaba}`);
  if (options.latencyMs !== undefined) args.push('--latency', String(options.latencyMs));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const control = sandboxClient(url);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the sandbox exited with code ${code}`))),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await Promise.race([
      control.health().then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the sandbox did not start within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const fixture = await control.fixture();
  return {
    url,
    fixture,
    control,
    close: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
