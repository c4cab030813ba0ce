/**
 * A managed webhook receiver, public by design: Meta calls it without a session. Authenticity comes from
 * the verify token (GET) and the app secret's signature (POST); see lib/receivers/hook-handlers.ts.
 */
import { getConfig } from '@/lib/config';
import { hookHandlers } from '@/lib/receivers/hook-handlers';
import { getDb, getKeyring } from '@/lib/server';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ receiverId: string }>;
}

async function handlers() {
  return hookHandlers({ db: await getDb(), keyring: getKeyring(), publicUrl: getConfig().NEXTAUTH_URL });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { receiverId } = await params;
  return (await handlers()).get(request, receiverId);
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { receiverId } = await params;
  return (await handlers()).post(request, receiverId);
}
