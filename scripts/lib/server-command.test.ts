import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseStartScript, serverCommand } from './server-command';

describe('the production server command (npm start)', () => {
  it('splits the variables, the Node flags and the entry', () => {
    expect(parseStartScript('A_B=1 C= node --x=1 --import tsx main.ts')).toEqual({
      env: { A_B: '1', C: '' },
      nodeFlags: ['--x=1', '--import', 'tsx'],
      entry: 'main.ts',
    });
  });

  it('refuses what it would have to guess at', () => {
    for (const script of [
      'tsx main.ts',
      'node',
      'node --flag',
      'A=1 node main.ts && echo hi',
      'node "$ENTRY"',
    ]) {
      expect(() => parseStartScript(script), script).toThrow(/start script must be/);
    }
  });

  it('is what package.json says, and Node runs it with the heap limit and allocator settings it names', () => {
    const command = serverCommand();
    expect(command.entry).toBe('lib/serve/main.ts');
    const limitFlag = command.nodeFlags.find((f) => f.startsWith('--max-old-space-size='));
    expect(limitFlag, 'the start script bounds the heap (docs/performance.md)').toBeDefined();
    // The same flags and variables, in a Node that prints what it got instead of serving.
    const out = execFileSync(
      process.execPath,
      [
        ...command.nodeFlags,
        '-e',
        'const v8 = require("node:v8"); console.log(JSON.stringify({ limit: v8.getHeapStatistics().heap_size_limit, arenas: process.env.MALLOC_ARENA_MAX }))',
      ],
      { env: { ...process.env, ...command.env }, encoding: 'utf8' },
    );
    const seen = JSON.parse(out.trim().split('\n').at(-1) as string) as { limit: number; arenas?: string };
    const limitMb = Number(limitFlag?.split('=')[1]);
    // V8's limit is the old space plus the young generation: within 10% of the flag, far under Node's default.
    expect(seen.limit / 2 ** 20).toBeGreaterThanOrEqual(limitMb);
    expect(seen.limit / 2 ** 20).toBeLessThan(limitMb * 1.1);
    expect(seen.arenas).toBe(command.env.MALLOC_ARENA_MAX);
  });
});
