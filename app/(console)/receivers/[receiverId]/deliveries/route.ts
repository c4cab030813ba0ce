/**
 * GET /receivers/<id>/deliveries?<filters>: one page of the inspector, newest first, without bodies.
 * Polled by the live inspector. Operators and admins (`deliveries.read`): payloads carry customers' messages.
 */
import type { NextRequest } from 'next/server';
import { requireRoutePermission } from '@/lib/auth/session';
import { isReceiverId } from '@/lib/receivers/context';
import { listDeliveries } from '@/lib/receivers/queries';
import { deliveryFiltersSchema } from '@/lib/receivers/types';
import { getReceiversContext } from '@/lib/server';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ receiverId: string }> }) {
  const user = await requireRoutePermission('deliveries.read');
  if (user instanceof Response) return user;
  const { receiverId } = await params;
  if (!isReceiverId(receiverId)) return Response.json({ error: 'not_found' }, { status: 404 });
  const parsed = deliveryFiltersSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success)
    return Response.json({ error: 'invalid_filters', issues: parsed.error.issues }, { status: 400 });
  const { db } = await getReceiversContext();
  const page = await listDeliveries(db, receiverId, parsed.data);
  return Response.json(page, { headers: { 'cache-control': 'no-store' } });
}
