/**
 * `npm run demo`: builds Switchboard, starts the Graph sandbox (port SANDBOX_PORT, default 4010) and the app
 * (port PORT, default 3000) on the embedded database in .data/demo, and prints the demo sign-ins.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_USERS } from '../e2e/support/roles';
import { startStack } from './lib/stack';

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);

if (process.env.SKIP_BUILD !== '1') {
  console.log('Building Switchboard (next build)…');
  const build = spawnSync(
    process.execPath,
    [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stack = await startStack({
  appPort,
  sandbox: { port: sandboxPort },
  dataDir: process.env.DATA_DIR ?? path.join('.data', 'demo'),
});

const app = stack.sandbox.fixture.apps[0];
console.log(`
Switchboard is running at ${stack.appUrl}
Graph sandbox:            ${stack.sandbox.url}  (acting as app "${app?.name}" ${app?.id})

Demo sign-ins:
${Object.entries(DEMO_USERS)
  .map(([role, u]) => `  ${role.padEnd(9)} ${u.email.padEnd(28)} ${u.password}`)
  .join('\n')}

A receiver that answers Meta's verification (use it as an override URL in the demo):
  ${stack.sandbox.url}/_sandbox/receiver/demo   verify token: see GET ${stack.sandbox.url}/_sandbox/fixture

On-Premises Coreapps to register on /on-premises (base URLs, admin users, passwords, numbers):
  GET ${stack.sandbox.url}/_sandbox/coreapp

Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
