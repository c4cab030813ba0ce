/**
 * `npm run demo`: builds Switchboard, starts the Graph sandbox (port SANDBOX_PORT, default 4010) and the app
 * (port PORT, default 3000) on the embedded database in .data/demo, and prints the demo sign-ins.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_USERS } from '../e2e/support/roles';
import { demoBanner } from './lib/demo-banner';
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

console.log(
  demoBanner({
    appUrl: stack.appUrl,
    sandboxUrl: stack.sandbox.url,
    fixture: stack.sandbox.fixture,
    users: DEMO_USERS,
  }),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
