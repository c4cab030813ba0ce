/**
 * `next build` for the test run, failing when the build prints a warning. Turbopack's warnings (a Node API in
 * code the Edge build compiles, a dynamic path that makes it trace the whole project into the output) do not
 * fail a build on their own, so they would come back unseen; here they stop `npm test`. Output passes through
 * unchanged.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const nextCli = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
// Turbopack's summary line ("Turbopack build encountered 2 warnings"), its per-file "Warning:" lines and
// Next's own "⚠" notices.
const WARNING = /\bwarnings?\b|⚠/i;
// Said by Next on every build under CI=true from a fresh clone: about the CI machine's cache, not the code.
const NOT_ABOUT_THE_CODE = [/No build cache found/];
const isWarning = (line: string) =>
  WARNING.test(line) && !NOT_ABOUT_THE_CODE.some((notice) => notice.test(line));

const child = spawn(process.execPath, [nextCli, 'build'], {
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const warnings: string[] = [];
let pending = '';
function collect(chunk: Buffer, out: NodeJS.WriteStream) {
  out.write(chunk);
  const lines = (pending + chunk.toString()).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) if (isWarning(line)) warnings.push(line.trim());
}
child.stdout.on('data', (chunk: Buffer) => collect(chunk, process.stdout));
child.stderr.on('data', (chunk: Buffer) => collect(chunk, process.stderr));

const code = await new Promise<number>((resolve) =>
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);
if (isWarning(pending)) warnings.push(pending.trim());
if (code !== 0) process.exit(code);
if (warnings.length > 0) {
  console.error(`\nThe build printed ${warnings.length} warning line(s); fix their cause:`);
  for (const line of warnings) console.error(`  ${line}`);
  process.exit(1);
}
