/** GET /receivers/test-events/<emissionId>: the latest state of a sandbox test event (retries continue). */
import { requireRoutePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { isReceiverId } from '@/lib/receivers/context';
import { readTestEvent } from '@/lib/receivers/test-event';
import { getAppRegistry, getReceiversContext } from '@/lib/server';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ emissionId: string }> }) {
  const user = await requireRoutePermission('callback.test');
  if (user instanceof Response) return user;
  const controlUrl = getConfig().GRAPH_SANDBOX_CONTROL_URL;
  const { emissionId } = await params;
  if (!controlUrl || !isReceiverId(emissionId)) return Response.json({ error: 'not_found' }, { status: 404 });
  const apps = (await getAppRegistry()).apps.map(({ id, label }) => ({ id, label }));
  const result = await readTestEvent(await getReceiversContext(), controlUrl, emissionId, apps);
  if (!result.ok) return Response.json({ error: result.error }, { status: 502 });
  return Response.json(result.data, { headers: { 'cache-control': 'no-store' } });
}
