/**
 * `/api/hooks/<receiverId>` outside Next: the same handlers, database handle and keyring the Next route
 * uses. Anything that is not exactly that path, or a method other than GET/POST, is answered as Next would
 * (404 / 405) so the two servers behave the same.
 */

import type { Socket } from 'node:net';
import { plainResponseHeaders } from '@/lib/auth/security-headers';
import { transportOf } from '@/lib/receivers/client-cert';
import { type HookDeps, hookHandlers } from '@/lib/receivers/hook-handlers';
import { getHookDeps } from '@/lib/server';

const HOOK_PATH = /^\/api\/hooks\/([^/?#]+)\/?$/;

export function hookReceiverId(pathname: string): string | null {
  const match = HOOK_PATH.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * `socket`: the connection the request came on, for its peer address and client certificate (mTLS).
 * `deps`: the process's own unless a test passes its database.
 */
export async function hookRequest(request: Request, socket?: Socket, deps?: HookDeps): Promise<Response> {
  const receiverId = hookReceiverId(new URL(request.url).pathname);
  const hookDeps = deps ?? (await getHookDeps());
  const headers = plainResponseHeaders(hookDeps.publicUrl);
  if (!receiverId) return new Response('Not Found', { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'POST') {
    return new Response('Method Not Allowed', { status: 405, headers: { ...headers, allow: 'GET, POST' } });
  }
  const handlers = hookHandlers(hookDeps);
  if (request.method === 'GET') return handlers.get(request, receiverId);
  return handlers.post(request, receiverId, socket ? transportOf(socket) : undefined);
}
