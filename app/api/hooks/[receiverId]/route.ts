/**
 * A managed webhook receiver, public by design: Meta calls it without a session. Authenticity comes from
 * the verify token (GET) and the app secret's signature (POST); see lib/receivers/hook-handlers.ts.
 * Inside Next the socket is out of reach, so a receiver that requires mTLS refuses everything here: it needs
 * the production server (`npm start`, lib/serve/main.ts), which passes the client certificate on.
 */
import { hookHandlers } from '@/lib/receivers/hook-handlers';
import { getHookDeps } from '@/lib/server';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ receiverId: string }>;
}

async function handlers() {
  return hookHandlers(await getHookDeps());
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { receiverId } = await params;
  return (await handlers()).get(request, receiverId);
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { receiverId } = await params;
  return (await handlers()).post(request, receiverId);
}
