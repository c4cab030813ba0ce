/**
 * Starts Switchboard as deployments run it, for the demo and the browser tests: the Graph sandbox (its own
 * HTTP server) and the production Next.js server wired to it purely through environment variables.
 */
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../lib/graph-sandbox/server';
import { freePort } from '../../lib/testing/free-port';
import { serverCommand } from './server-command';

export { freePort };

export interface StackOptions {
  appPort?: number;
  sandbox?: SandboxOptions;
  dataDir: string;
  /** Extra variables for the app (e.g. OIDC settings in tests). */
  env?: Record<string, string>;
  /** Inherit the app's stdout/stderr (demo) or keep it quiet and only surface it on failure (tests). */
  quiet?: boolean;
  /** Also append everything the app writes to stdout and stderr to this file (tests grep it for secrets). */
  logFile?: string;
  /** Extra flags for the app's node process (e.g. `--cpu-prof` while profiling a benchmark). */
  nodeArgs?: string[];
}

export interface RunningStack {
  appUrl: string;
  /** The app's process id (benchmarks read its memory from /proc). */
  appPid: number | undefined;
  sandbox: RunningSandbox;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The environment that points the app at a running sandbox: configuration only, no code branches. */
export function appEnvFor(sandbox: RunningSandbox, appPort: number, dataDir: string): Record<string, string> {
  const [app, second] = sandbox.fixture.apps;
  if (!app) throw new Error('The sandbox fixture has no apps');
  // Two apps on the same WABAs, as a new user should see at once: apps[0] is the default (the single-app
  // variables), apps[1] (the fixture's helpdesk, with overrides of its own) comes through META_APPS.
  const secondApp: Record<string, string> = second
    ? {
        META_APPS: JSON.stringify([
          { id: second.id, label: second.name, accessToken: second.accessToken, appSecret: second.secret },
        ]),
      }
    : {};
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(appPort),
    GRAPH_API_BASE_URL: sandbox.url,
    GRAPH_API_VERSION: sandbox.fixture.graphVersion,
    GRAPH_ACCESS_TOKEN: app.accessToken,
    META_APP_ID: app.id,
    META_APP_SECRET: app.secret,
    META_APP_LABEL: app.name,
    ...secondApp,
    META_BUSINESS_IDS: sandbox.fixture.businesses.map((b) => b.id).join(','),
    DATA_DIR: dataDir,
    NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    SWITCHBOARD_DEMO: '1',
    ALLOW_LOOPBACK_CALLBACKS: '1',
    // Sandbox mode: enables *Send test event*, which asks the sandbox to emit webhooks.
    GRAPH_SANDBOX_CONTROL_URL: sandbox.url,
  };
}

/**
 * The production server, as `npm start` runs it (lib/serve/main.ts: Next.js plus the webhook fast path, with
 * the start script's environment and Node flags: scripts/lib/server-command.ts), listening on 127.0.0.1 and
 * env.PORT. `nodeArgs` come after the start script's flags, so a flag given there wins (e.g. `--cpu-prof`
 * while profiling a benchmark, or another heap limit to compare).
 */
export function spawnApp(
  env: Record<string, string>,
  stdio: StdioOptions,
  nodeArgs: readonly string[] = [],
): ChildProcess {
  const command = serverCommand();
  // Node itself, with tsx as a loader in this one process (tsx's CLI would fork a second one that a kill
  // does not reach, and npm would put itself between): the pid is the server's, for /proc readings.
  return spawn(process.execPath, [...command.nodeFlags, ...nodeArgs, command.entry], {
    env: { ...process.env, ...command.env, HOSTNAME: '127.0.0.1', ...env },
    stdio,
  });
}

/** SIGTERM, then SIGKILL if the app has not exited within 5 s. */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The app exited with code ${child.exitCode} during start-up`);
    try {
      const res = await fetch(`${url}/api/health?graph=0`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs} ms`);
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const sandbox = await startSandbox(options.sandbox ?? { port: 0 });
  const appPort = options.appPort ?? (await freePort());
  const env = { ...appEnvFor(sandbox, appPort, options.dataDir), ...options.env };
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
  const child = spawnApp(
    env,
    options.quiet || log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    options.nodeArgs,
  );
  let output = '';
  const capture = (echo: NodeJS.WriteStream) => (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    log?.write(chunk);
    if (!options.quiet) echo.write(chunk);
  };
  child.stdout?.on('data', capture(process.stdout));
  child.stderr?.on('data', capture(process.stderr));
  const appUrl = `http://127.0.0.1:${appPort}`;
  const stop = async () => {
    await stopApp(child);
    if (log) await new Promise((resolve) => log.end(resolve));
    await sandbox.close();
  };
  try {
    await waitForHealth(appUrl, child, 90_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- app output ---\n${output}`);
  }
  return { appUrl, appPid: child.pid, sandbox, env, stop };
}
