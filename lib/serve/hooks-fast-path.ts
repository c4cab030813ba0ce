/**
 * `/api/hooks/<receiverId>` outside Next: the same handlers, database handle and keyring the Next route
 * uses. Anything that is not exactly that path, or a method other than GET/POST, is answered as Next would
 * (404 / 405) so the two servers behave the same.
 */
import { plainResponseHeaders } from '@/lib/auth/security-headers';
import { getConfig } from '@/lib/config';
import { hookHandlers } from '@/lib/receivers/hook-handlers';
import { getDb, getKeyring } from '@/lib/server';

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

export async function hookRequest(request: Request): Promise<Response> {
  const receiverId = hookReceiverId(new URL(request.url).pathname);
  const publicUrl = getConfig().NEXTAUTH_URL;
  const headers = plainResponseHeaders(publicUrl);
  if (!receiverId) return new Response('Not Found', { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'POST') {
    return new Response('Method Not Allowed', { status: 405, headers: { ...headers, allow: 'GET, POST' } });
  }
  const handlers = hookHandlers({ db: await getDb(), keyring: getKeyring(), publicUrl });
  return request.method === 'GET' ? handlers.get(request, receiverId) : handlers.post(request, receiverId);
}
