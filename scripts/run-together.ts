/**
 * `tsx scripts/run-together.ts <script> <script>…`: runs npm scripts at the same time, for `npm test` to type-check
 * while Vitest runs (tsc keeps one core busy for about 20 s; Vitest's two workers leave gaps while tests wait on
 * timers and sockets). The first script's output streams as it comes; each other script's output is held and
 * printed whole under its name once all have ended, so no two outputs interleave. Exits non-zero when any script
 * fails, naming the ones that failed.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: tsx scripts/run-together.ts <npm script> [<npm script>…]');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Result {
  script: string;
  code: number;
  held: string;
}

function run(script: string, streamed: boolean): Promise<Result> {
  if (streamed) console.log(`── npm run ${script} ──`);
  const child = spawn(npm, ['run', '--silent', script], {
    stdio: streamed ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  const held: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (exitCode, signal) => {
      resolve({ script, code: exitCode ?? (signal ? 1 : 0), held: Buffer.concat(held).toString().trimEnd() });
    });
  });
}

const results = await Promise.all(scripts.map((script, i) => run(script, i === 0)));
for (const { script, code, held } of results.slice(1)) {
  console.log(`\n── npm run ${script}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} ──`);
  if (held) console.log(held);
}
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((r) => `npm run ${r.script} (exit ${r.code})`).join(', ')}`);
  process.exit(1);
}
