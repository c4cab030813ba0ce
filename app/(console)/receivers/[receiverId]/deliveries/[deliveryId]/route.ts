/** GET /receivers/<id>/deliveries/<deliveryId>: one delivery with headers and body, for the JSON view. */
import { requireRoutePermission } from '@/lib/auth/session';
import { isReceiverId } from '@/lib/receivers/context';
import { getDelivery } from '@/lib/receivers/queries';
import { getReceiversContext } from '@/lib/server';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ receiverId: string; deliveryId: string }> },
) {
  const user = await requireRoutePermission('deliveries.read');
  if (user instanceof Response) return user;
  const { receiverId, deliveryId } = await params;
  if (!isReceiverId(receiverId) || !isReceiverId(deliveryId)) {
    return Response.json({ error: 'not_found' }, { status: 404 });
  }
  const { db } = await getReceiversContext();
  const delivery = await getDelivery(db, receiverId, deliveryId);
  if (!delivery) return Response.json({ error: 'not_found' }, { status: 404 });
  return Response.json(delivery, { headers: { 'cache-control': 'no-store' } });
}
