/** GET /api/overview: the fleet's counts, warnings and verdicts from the latest audit snapshot (ReadResult JSON); `data.read`. */
import type { NextRequest } from 'next/server';
import { readRoute } from '@/lib/query/read-route';
import { overviewParamsSchema, readOverview } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return readRoute(overviewParamsSchema, Object.fromEntries(request.nextUrl.searchParams), () =>
    readOverview(),
  );
}
