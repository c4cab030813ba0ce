/**
 * A BulkEnv over an audit harness: each fixture app gets its own routing context and job client with its own
 * token, so a job for apps[1] writes as apps[1] exactly as lib/server's getBulkEnv does. Tests only.
 */
import { UnknownAppError } from '@/lib/apps/registry';
import { createGraphClient } from '@/lib/graph/client';
import type { RoutingContext } from '@/lib/routing/context';
import { createAuditGraph } from '../graph';
import type { AuditHarness } from '../test-support';
import { Throttle } from '../throttle';
import type { BulkEnv } from './env';

export function bulkEnvOf(h: AuditHarness): BulkEnv {
  const appOf = (appId?: string | null) => {
    const app = appId ? h.fixture.apps.find((a) => a.id === appId) : h.app;
    if (!app) throw new UnknownAppError(appId ?? '');
    return app;
  };
  const clientOptions = (accessToken: string) => ({
    baseUrl: h.sandbox.url,
    version: h.fixture.graphVersion,
    accessToken,
    timeoutMs: 5_000,
    maxRetries: 1,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 200,
  });
  return {
    db: h.db,
    routing: async (appId): Promise<RoutingContext> => {
      const app = appOf(appId);
      if (app === h.app) return h.routing;
      return {
        ...h.routing,
        graph: createGraphClient(clientOptions(app.accessToken)),
        appId: app.id,
        appLabel: app.name,
      };
    },
    connect: async (appId) =>
      createAuditGraph(
        clientOptions(appOf(appId).accessToken),
        new Throttle({ backoffBaseMs: 10, slowDelayMs: 5, maxWaitMs: 500 }),
      ),
    progressIntervalMs: 20,
  };
}
