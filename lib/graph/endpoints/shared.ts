/**
 * Helpers every endpoint file uses: safe path segments and `{"success":…}` writes.
 */
import 'server-only';
import { GraphError } from '../errors';
import type { GraphRequester } from '../request';
import { successResponse } from '../schemas';
import type { Query } from '../urls';

/**
 * One path segment from an id. Graph ids are numeric, but ids reach us from URLs and forms: refuse the
 * ones that could change the path (`..`, `/`) instead of trusting them.
 */
export function segment(id: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(id) || /^\.+$/.test(id)) {
    throw new GraphError({
      method: 'GET',
      path: '(invalid id)',
      message: `"${id.slice(0, 40)}" is not a Graph id`,
    });
  }
  return encodeURIComponent(id);
}

export interface WriteSpec {
  method: 'POST' | 'DELETE';
  path: string;
  query?: Query;
  json?: unknown;
  form?: Record<string, string | undefined>;
  accessToken?: string;
  secrets?: readonly string[];
}

/** Sends a write whose reply is `{"success":true|"true"}`; `success: false` becomes a GraphError too. */
export async function expectSuccess(http: GraphRequester, spec: WriteSpec): Promise<void> {
  const { json, form, ...rest } = spec;
  const body = json !== undefined ? { json } : form !== undefined ? { form } : {};
  const reply = await http.request({ ...rest, ...body, schema: successResponse });
  if (!reply.success) {
    throw new GraphError({
      method: spec.method,
      path: spec.path,
      message: 'Graph answered {"success": false} without an error',
      secrets: spec.secrets ?? [],
    });
  }
}
