/**
 * GET /api/numbers/<phoneNumberId>/diagnosis[?app=<appId>]: the routing doctor for one number, as one configured
 * app (the default app without `app`): its token is checked and used, so it answers for that app's copy. For the
 * Delivery check panel and for scripts and monitors:
 * `{ app: { id, label }, phoneNumberId, checkedAt, verdict, checks: [{ id, status, title, detail, fix? }] }`.
 * Signed-in session; viewers may read it.
 */
import { readDiagnosis } from '@/lib/query/diagnosis';
import { readRoute } from '@/lib/query/read-route';
import { numberParamsSchema } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  const app = new URL(request.url).searchParams.get('app') || undefined;
  return readRoute(
    numberParamsSchema,
    { phoneNumberId: (await params).phoneNumberId, app },
    (input) => readDiagnosis(input.phoneNumberId, input.app),
    { bare: true },
  );
}
