/** GET /api/wabas/<wabaId>: one WABA read from Graph now, `data: null` when unknown (ReadResult JSON). */
import { readRoute } from '@/lib/query/read-route';
import { graphIdSchema, readWaba } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ wabaId: string }> }) {
  return readRoute(graphIdSchema, (await params).wabaId, readWaba);
}
