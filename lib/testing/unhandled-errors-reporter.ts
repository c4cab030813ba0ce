/**
 * A Vitest reporter that writes the run's unhandled errors (a rejection nobody awaited, an 'error' event nobody
 * listened to) to `.test-reports/<report>-unhandled.json`. The JSON reporter leaves them out, and the default
 * reporter prints them far above the end of a long CI log; scripts/test-summary.ts prints them last, beside
 * the counts, so the tail of a failed run names the error and where it came from.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter, SerializedError } from 'vitest/node';

export interface UnhandledErrorEntry {
  name: string;
  message: string;
  /** The test file that was running when it happened (Vitest's attribution; not always the cause). */
  file: string | null;
  stack: string[];
}

/** The stack's frames outside node_modules (where the cause usually is), else its first frames. */
function projectFrames(stack: string): string[] {
  const frames = stack
    .split('\n')
    .slice(1)
    .map((line) => line.trim());
  const own = frames.filter((frame) => !frame.includes('/node_modules/'));
  return (own.length > 0 ? own : frames).slice(0, 8);
}

export function unhandledEntry(error: SerializedError): UnhandledErrorEntry {
  const e = error as SerializedError & { VITEST_TEST_PATH?: string };
  return {
    name: String(e.name ?? 'Error'),
    message: String(e.message ?? ''),
    file: e.VITEST_TEST_PATH ? path.relative(process.cwd(), e.VITEST_TEST_PATH) : null,
    stack: projectFrames(String(e.stack ?? '')),
  };
}

export default class UnhandledErrorsReporter implements Reporter {
  constructor(private readonly outputFile: string) {}

  async onTestRunEnd(_modules: unknown, unhandledErrors: ReadonlyArray<SerializedError>): Promise<void> {
    await mkdir(path.dirname(this.outputFile), { recursive: true });
    await writeFile(this.outputFile, `${JSON.stringify(unhandledErrors.map(unhandledEntry), null, 2)}\n`);
  }
}
