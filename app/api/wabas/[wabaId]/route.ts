/**
 * GET /api/wabas/<wabaId>[?app=<appId>]: one WABA read from Graph now as that configured app sees it (the
 * default app without `app`), `data: null` when unknown (ReadResult JSON).
 */
import { readRoute } from '@/lib/query/read-route';
import { readWaba, wabaParamsSchema } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ wabaId: string }> }) {
  const app = new URL(request.url).searchParams.get('app') || undefined;
  return readRoute(wabaParamsSchema, { wabaId: (await params).wabaId, app }, (input) =>
    readWaba(input.wabaId, input.app),
  );
}
