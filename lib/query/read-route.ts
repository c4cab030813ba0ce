/**
 * The GET route handlers behind the browser's queries: the session and permission check the read actions made
 * (401/403 JSON), zod on the query (400 with the field named), then the read. The body is the ReadResult itself;
 * a Graph failure answers 502 so the browser's getJson throws it and TanStack Query keeps the last good data.
 */
import 'server-only';
import type { z } from 'zod';
import { requireRoutePermission } from '@/lib/auth/session';
import type { ReadResult } from './read-result';

const NO_STORE = { 'cache-control': 'no-store' } as const;

export interface ReadRouteOptions {
  /**
   * For routes scripts call (the diagnosis): the body is the data itself, `null` data answers 404, and a Graph
   * failure answers 502 `{ error, message, failure }` (still what getJson reads).
   */
  bare?: boolean;
}

export async function readRoute<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  read: (input: z.output<S>) => Promise<ReadResult<T>>,
  options: ReadRouteOptions = {},
): Promise<Response> {
  const user = await requireRoutePermission('data.read');
  if (user instanceof Response) return user;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'input';
    return Response.json(
      { error: 'bad_request', message: `${field}: ${issue?.message ?? 'invalid'}` },
      { status: 400, headers: NO_STORE },
    );
  }
  const result = await read(parsed.data);
  if (options.bare) {
    if (!result.ok) {
      return Response.json(
        { error: 'graph_error', message: result.failure.message, failure: result.failure },
        { status: 502, headers: NO_STORE },
      );
    }
    if (result.data === null) {
      return Response.json(
        { error: 'not_found', message: 'Graph or the configured businesses do not know it.' },
        { status: 404, headers: NO_STORE },
      );
    }
    return Response.json(result.data, { headers: NO_STORE });
  }
  return Response.json(result, { status: result.ok ? 200 : 502, headers: NO_STORE });
}
