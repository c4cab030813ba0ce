import 'server-only';
import { logger } from '@/lib/log';
import { describeGraphError } from '@/lib/routing/describe-error';
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
