/** GET /api/numbers/<phoneNumberId>: one number read from Graph now, `data: null` when unknown (ReadResult). */
import { readRoute } from '@/lib/query/read-route';
import { graphIdSchema, readNumber } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  return readRoute(graphIdSchema, (await params).phoneNumberId, readNumber);
}
