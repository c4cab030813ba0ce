/** GET /receivers/numbers/<phoneNumberId>: the latest delivery any managed receiver stored for the number. */
import { requireRoutePermission } from '@/lib/auth/session';
import { latestDeliveryForNumber } from '@/lib/receivers/queries';
import { getReceiversContext } from '@/lib/server';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  const user = await requireRoutePermission('deliveries.read');
  if (user instanceof Response) return user;
  const { phoneNumberId } = await params;
  if (!/^\d{1,30}$/.test(phoneNumberId)) return Response.json({ error: 'not_found' }, { status: 404 });
  const { db } = await getReceiversContext();
  const latest = await latestDeliveryForNumber(db, phoneNumberId);
  return Response.json({ latest }, { headers: { 'cache-control': 'no-store' } });
}
