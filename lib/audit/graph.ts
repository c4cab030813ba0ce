/**
 * The Graph client audit and bulk jobs use: the app's client configuration plus a meter (HTTP requests sent)
 * and the job's Throttle in front of every request, fed by every response's usage headers.
 */
import 'server-only';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '@/lib/graph/client';
import type { GraphBase } from '@/lib/graph/urls';
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
