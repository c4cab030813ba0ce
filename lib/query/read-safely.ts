import 'server-only';
import { describeGraphError } from '@/lib/graph/describe-error';
import { logger } from '@/lib/log';
import type { ReadResult } from './read-result';

/** Runs one service read; a Graph failure becomes data the page can show instead of an opaque 500. */
export async function readSafely<T>(read: () => Promise<T>, context?: string): Promise<ReadResult<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    logger.warn({ err: error, context }, 'console read failed');
    return { ok: false, failure: describeGraphError(error, context) };
  }
}
