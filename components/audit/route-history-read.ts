import 'server-only';
import { cache } from 'react';
import { type RouteHistory, routeHistory } from '@/lib/audit';
import { getAuditEnv } from '@/lib/server';

/**
 * A number's route history, read once per server render: the page header's drift badge and the history
 * section below both need the latest snapshot, and one read serves both (React's `cache` is scoped to the
 * request, so the next page load reads the newest scans). One app's history: the app the page acts as.
 */
export const readRouteHistory = cache(
  async (phoneNumberId: string, appId: string): Promise<RouteHistory> =>
    routeHistory((await getAuditEnv()).db, phoneNumberId, 50, appId),
);
