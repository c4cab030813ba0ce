/**
 * `/api/hooks/<receiverId>` outside Next: the same handlers, database handle and keyring the Next route
 * uses, on Node's own request and response (lib/receivers/node-transport.ts). Anything that is not exactly
 * that path, or a method other than GET/POST, is answered as Next would (404 / 405) so the two servers
 * behave the same.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { plainResponseHeaders } from '@/lib/auth/security-headers';
import { transportOf } from '@/lib/receivers/client-cert';
import { type HookAnswer, type HookDeps, hookHandlers } from '@/lib/receivers/hook-handlers';
import { nodeHookRequest, sendHookAnswer } from '@/lib/receivers/node-transport';
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

/** Handlers per deps object: building them per request cost a closure set and the security headers each time. */
const handlersByDeps = new WeakMap<HookDeps, ReturnType<typeof hookHandlers>>();

function handlersFor(deps: HookDeps): ReturnType<typeof hookHandlers> {
  let handlers = handlersByDeps.get(deps);
  if (!handlers) {
    handlers = hookHandlers(deps);
    handlersByDeps.set(deps, handlers);
  }
  return handlers;
}

async function answer(req: IncomingMessage, deps: HookDeps): Promise<HookAnswer> {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const receiverId = hookReceiverId(query < 0 ? url : url.slice(0, query));
  const headers = plainResponseHeaders(deps.publicUrl);
  if (!receiverId) return { status: 404, body: 'Not Found', headers };
  if (req.method !== 'GET' && req.method !== 'POST') {
    return { status: 405, body: 'Method Not Allowed', headers: { ...headers, allow: 'GET, POST' } };
  }
  const handlers = handlersFor(deps);
  const request = nodeHookRequest(req);
  if (req.method === 'GET') return handlers.answerGet(request, receiverId);
  return handlers.answerPost(request, receiverId, transportOf(req.socket as Socket));
}

let processDeps: HookDeps | undefined;

/** The process's deps, built once they can be (a failed database open is retried on the next request). */
async function ownDeps(): Promise<HookDeps> {
  processDeps ??= await getHookDeps();
  return processDeps;
}

/** `deps`: the process's own unless a test passes its database. A failure answers 500, so Meta retries. */
export async function serveHook(req: IncomingMessage, res: ServerResponse, deps?: HookDeps): Promise<void> {
  let result: HookAnswer;
  try {
    result = await answer(req, deps ?? (await ownDeps()));
  } catch {
    result = { status: 500, body: 'Internal Server Error', headers: { 'cache-control': 'no-store' } };
  }
  sendHookAnswer(req, res, result);
}
