/**
 * GET /api/numbers/<phoneNumberId>/diagnosis: the routing doctor for one number, for the Delivery check panel and
 * for scripts and monitors: `{ phoneNumberId, checkedAt, verdict, checks: [{ id, status, title, detail, fix? }] }`.
 * Signed-in session; viewers may read it.
 */
import { readDiagnosis } from '@/lib/query/diagnosis';
import { readRoute } from '@/lib/query/read-route';
import { graphIdSchema } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  return readRoute(graphIdSchema, (await params).phoneNumberId, readDiagnosis, { bare: true });
}
