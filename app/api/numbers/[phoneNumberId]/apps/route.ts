/** GET /api/numbers/<phoneNumberId>/apps: every configured app's route for the number, side by side (ReadResult). */
import { readRoute } from '@/lib/query/read-route';
import { graphIdSchema, readNumberApps } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  return readRoute(graphIdSchema, (await params).phoneNumberId, readNumberApps);
}
