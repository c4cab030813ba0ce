/**
 * The Graph client audit and bulk jobs use: the app's client configuration plus a meter (HTTP requests sent)
 * and the job's Throttle in front of every request, fed by every response's usage headers.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '@/lib/graph/client';
import type { GraphBase } from '@/lib/graph/urls';
import { processUsageRecorder } from '@/lib/graph-usage';
import { Throttle } from './throttle';

export interface CallMeter {
  /** HTTP requests sent to Graph (a batch is one request). */
  calls: number;
}

export interface AuditGraph {
  graph: GraphClient;
  base: GraphBase;
  meter: CallMeter;
  throttle: Throttle;
}

export function createAuditGraph(options: GraphClientOptions, throttle = new Throttle()): AuditGraph {
  const meter: CallMeter = { calls: 0 };
  const inner = options.fetch ?? fetch;
  const metered: typeof fetch = async (input, init) => {
    await throttle.ready();
    meter.calls += 1;
    return inner(input, init);
  };
  const graph = createGraphClient({
    ...options,
    fetch: metered,
    onUsage: (usage) => {
      throttle.observe(usage);
      options.onUsage?.(usage);
    },
  });
  return { graph, base: { baseUrl: options.baseUrl, version: options.version }, meter, throttle };
}

/** The same configuration as the app's default client (lib/graph/default-client.ts), metered and throttled. */
export function auditGraphFromConfig(throttle?: Throttle): AuditGraph {
  const config = getConfig();
  return createAuditGraph(
    {
      baseUrl: config.GRAPH_API_BASE_URL,
      version: config.GRAPH_API_VERSION,
      accessToken: config.GRAPH_ACCESS_TOKEN,
      appSecret: config.META_APP_SECRET,
      timeoutMs: config.GRAPH_TIMEOUT_MS,
      maxRetries: config.GRAPH_MAX_RETRIES,
      onUsage: (usage) => processUsageRecorder().observe(usage),
    },
    throttle,
  );
}
