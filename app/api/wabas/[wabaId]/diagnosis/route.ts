/**
 * GET /api/wabas/<wabaId>/diagnosis: the routing doctor for a WABA — its shared conditions and each number's
 * verdict (`{ wabaId, checkedAt, shared: [...checks], numbers: [{ phoneNumberId, verdict, firstProblem, problem }] }`).
 * Each distinct winning URL is called once. Signed-in session; viewers may read it.
 */
import { readWabaDiagnosis } from '@/lib/query/diagnosis';
import { readRoute } from '@/lib/query/read-route';
import { graphIdSchema } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ wabaId: string }> }) {
  return readRoute(graphIdSchema, (await params).wabaId, readWabaDiagnosis, { bare: true });
}
