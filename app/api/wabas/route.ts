/** GET /api/wabas?q=&page=: one page of the fleet's WABAs (ReadResult JSON); `data.read`. */
import type { NextRequest } from 'next/server';
import { readRoute } from '@/lib/query/read-route';
import { readWabaList, wabaListParamsSchema } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return readRoute(wabaListParamsSchema, Object.fromEntries(request.nextUrl.searchParams), readWabaList);
}
