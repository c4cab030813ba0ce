/**
 * `npm run bench:pages` (after `npm run build`): signed-in viewers loading `/wabas` and a number page against
 * the production server (`lib/serve/main.ts`) on a fresh embedded database and the Graph sandbox's demo fleet.
 * Sessions come from real next-auth sign-ins as the demo users; the load runs in this process (the server is
 * its own), closed-loop: each viewer waits for its page before asking for the next. Prints pages/s,
 * p50/p95/p99 per page, the server's RSS before, at its peak during and after the load, the machine; the last
 * line is one JSON object.
 *
 * BENCH_VIEWERS (default 50), BENCH_SECONDS (default 20, at most 120), BENCH_SESSIONS (sign-ins, default 10),
 * BENCH_CPU_PROF=<dir> (the server runs under `node --cpu-prof`), BENCH_NODE_ARGS (more flags for the server:
 * scripts/lib/server-command.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../lib/auth/demo-users';
import { machine } from './lib/machine';
import { closeViewers, type PageTarget, runViewers, signInSession } from './lib/page-load';
import { benchNodeArgs } from './lib/server-command';
import { startStack } from './lib/stack';

const P95_TARGET_MS = 1_000;
const PAGES_PER_SECOND_TARGET = 50;
const RSS_TARGET_MB = 500;

function positive(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.trunc(n), max) : fallback;
}

/**
 * CPU seconds a process has used (user + system), from /proc (Linux; clock ticks of 1/100 s, the kernel's
 * USER_HZ). Per page it is a figure other work on the machine barely moves, unlike pages/s and latency.
 */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** Resident set of a process in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

if (!existsSync(path.join('.next', 'BUILD_ID'))) {
  console.error('bench:pages needs a production build: run `npm run build` first.');
  process.exit(2);
}

const viewers = positive(process.env.BENCH_VIEWERS, 50, 500);
const seconds = positive(process.env.BENCH_SECONDS, 20, 120);
const sessions = positive(process.env.BENCH_SESSIONS, 10, 100);
const host = machine();
const workDir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-pages-'));
const stack = await startStack({
  dataDir: path.join(workDir, 'db'),
  quiet: true,
  env: { LOG_LEVEL: 'warn' },
  nodeArgs: benchNodeArgs(),
});
const phoneNumberId = stack.sandbox.fixture.scenarios.phoneNumberTier.phoneNumberId;
const targets: PageTarget[] = [
  { name: '/wabas', path: '/wabas', expect: 'WhatsApp Business Accounts owned by' },
  { name: '/numbers/[id]', path: `/numbers/${phoneNumberId}`, expect: phoneNumberId },
];

let exitCode = 0;
try {
  const loadBefore = loadavg()[0] ?? 0;
  console.log(
    `Machine: ${host.cpuModel}, ${host.cores} cores; load average ${loadBefore.toFixed(2)} before the run (other work on the machine skews every figure)`,
  );
  // Sign-ins as the demo users in turn (a viewer, an operator, an admin: every role renders these pages).
  const cookies: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const user = DEMO_USERS[i % DEMO_USERS.length];
    if (!user) break;
    cookies.push(await signInSession(stack.appUrl, user.email, user.password));
  }
  console.log(`${cookies.length} signed-in sessions; ${viewers} viewers for ${seconds} s on ${stack.appUrl}`);
  // Warm-up, not counted: the first render of each route, the fleet cache, JIT, and every viewer's connection.
  // With only a few viewers warming up, the timed run opened the other connections at its start while the
  // server was busy, and those first pages waited up to 5 s (the server itself took at most 1.2 s for any).
  await runViewers({ appUrl: stack.appUrl, cookies, targets, viewers, seconds: 3 });
  const rssBefore = rssMb(stack.appPid);
  let rssPeak = rssBefore ?? 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(stack.appPid) ?? 0);
  }, 250);
  const cpuBefore = cpuSeconds(stack.appPid);
  const run = await runViewers({ appUrl: stack.appUrl, cookies, targets, viewers, seconds });
  const cpuAfter = cpuSeconds(stack.appPid);
  clearInterval(sampler);
  const pagesServed = Object.values(run.stats).reduce((n, s) => n + s.count, 0);
  const cpuMsPerPage =
    cpuBefore !== null && cpuAfter !== null && pagesServed > 0
      ? Math.round(((cpuAfter - cpuBefore) * 1000) / pagesServed)
      : null;
  // After the load, once the garbage collector has had a moment: what the server keeps (steady state).
  await new Promise((r) => setTimeout(r, 2_000));
  const rssAfter = rssMb(stack.appPid);

  console.log('page              pages   errors   p50 ms   p95 ms   p99 ms   max ms');
  for (const [name, s] of Object.entries(run.stats)) {
    console.log(
      [name.padEnd(16), s.count, s.errors, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs]
        .map((v, i) => (i === 0 ? String(v) : String(v).padStart(9)))
        .join(''),
    );
  }
  console.log(
    `${run.pagesPerSecond} pages/s over ${run.elapsedSeconds.toFixed(1)} s; server RSS ${rssBefore} MB before, ${rssPeak} MB peak, ${rssAfter} MB after; server CPU ${cpuMsPerPage ?? '?'} ms per page`,
  );
  const stats = Object.values(run.stats);
  const errors = stats.reduce((n, s) => n + s.errors, 0);
  const met =
    errors === 0 &&
    run.pagesPerSecond >= PAGES_PER_SECOND_TARGET &&
    stats.every((s) => s.p95Ms <= P95_TARGET_MS) &&
    (rssAfter ?? Infinity) <= RSS_TARGET_MB;
  console.log(
    `Goal (≥ ${PAGES_PER_SECOND_TARGET} pages/s, p95 ≤ ${P95_TARGET_MS} ms per page, RSS ≤ ${RSS_TARGET_MB} MB): ${met ? 'met' : 'not met'}`,
  );
  if (errors > 0) exitCode = 1;
  console.log(
    JSON.stringify({
      cpu: host.cpuModel,
      cores: host.cores,
      load_average_before: Number(loadBefore.toFixed(2)),
      viewers,
      seconds,
      sessions: cookies.length,
      pages_per_second: run.pagesPerSecond,
      pages: Object.fromEntries(
        Object.entries(run.stats).map(([name, s]) => [
          name,
          {
            count: s.count,
            errors: s.errors,
            p50_ms: s.p50Ms,
            p95_ms: s.p95Ms,
            p99_ms: s.p99Ms,
            max_ms: s.maxMs,
          },
        ]),
      ),
      rss_mb_before: rssBefore,
      rss_mb_peak: rssPeak,
      rss_mb_after: rssAfter,
      server_cpu_ms_per_page: cpuMsPerPage,
      goal_met: met,
    }),
  );
} finally {
  closeViewers();
  await stack.stop();
  await rm(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
