/**
 * GET /api/numbers/<phoneNumberId>[?app=<appId>]: one number read from Graph now, as that configured app sees
 * it (the default app without `app`); `data: null` when unknown (ReadResult).
 */
import { readRoute } from '@/lib/query/read-route';
import { numberParamsSchema, readNumber } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  const app = new URL(request.url).searchParams.get('app') || undefined;
  return readRoute(numberParamsSchema, { phoneNumberId: (await params).phoneNumberId, app }, (input) =>
    readNumber(input.phoneNumberId, input.app),
  );
}
