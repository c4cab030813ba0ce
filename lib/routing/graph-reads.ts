/** Small read helpers shared by the services. */
import 'server-only';
import { isGraphError } from '@/lib/graph/errors';
import { graphIdSchema } from './validation';

/** Graph ids are numeric strings; anything else (from a URL) is not worth a Graph call. */
export function isGraphId(id: string): boolean {
  return graphIdSchema.safeParse(id).success;
}

/** Graph answers error 100 for an id it does not know (or this app may not see); pages show "not found". */
export async function nullOnUnknownId<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isGraphError(error) && error.code === 100) return null;
    throw error;
  }
}
