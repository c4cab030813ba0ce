/**
 * The production server's command, read from `npm start` in package.json, so the demo, the browser tests
 * and the benchmarks run the server with exactly the environment and Node flags production gets (the memory
 * settings in it are measured by `npm run bench:pages`; see docs/performance.md). One place to change them.
 *
 * The start script must be `[NAME=value ...] node [flag ...] <entry>`: anything else is refused with the
 * script quoted, rather than guessed at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerCommand {
  /** Variables the script sets before `node` (e.g. the allocator's settings). */
  env: Record<string, string>;
  /** Node's flags, in order (the V8 memory flags, the tsx loader, the react-server condition). */
  nodeFlags: string[];
  /** The script Node runs (lib/serve/main.ts). */
  entry: string;
}

const ASSIGNMENT = /^([A-Z_][A-Z0-9_]*)=(\S*)$/;

export function parseStartScript(script: string): ServerCommand {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const assignment = ASSIGNMENT.exec(words[i] as string);
    if (!assignment) break;
    env[assignment[1] as string] = assignment[2] as string;
  }
  if (words[i] !== 'node') {
    throw new Error(
      `package.json's start script must be "[NAME=value ...] node [flag ...] <entry>": ${script}`,
    );
  }
  const rest = words.slice(i + 1);
  const entry = rest.at(-1);
  if (!entry || entry.startsWith('-') || /['"$`|&;<>]/.test(script)) {
    throw new Error(
      `package.json's start script must be "[NAME=value ...] node [flag ...] <entry>": ${script}`,
    );
  }
  return { env, nodeFlags: rest.slice(0, -1), entry };
}

/** `npm start`, as package.json in the working directory (the project's root) says it. */
export function serverCommand(root = process.cwd()): ServerCommand {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const start = pkg.scripts?.start;
  if (!start) throw new Error('package.json has no start script');
  return parseStartScript(start);
}

/**
 * Extra Node flags for the server a benchmark starts, after the start script's own (so they win):
 * BENCH_CPU_PROF=<dir> profiles it (`--cpu-prof`), BENCH_NODE_ARGS adds any others, to compare settings on
 * the same tree (e.g. `BENCH_NODE_ARGS=--max-old-space-size=4096`).
 */
export function benchNodeArgs(): string[] {
  const profile = process.env.BENCH_CPU_PROF;
  return [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  ];
}
