/**
 * Can this instance reach Graph with its token? One cheap read — the first configured business's owned
 * WABAs, limit 1 — which proves network, version, token and permission at once. lib/server keeps the answer
 * for `GRAPH_PROBE_TTL_MS` per process so load-balancer health checks do not spend the Graph call budget.
 */
import 'server-only';
import type { GraphClient } from '@/lib/graph/client';
import { describeGraphError } from '@/lib/graph/describe-error';

export const GRAPH_PROBE_TTL_MS = 30_000;

export interface GraphProbe {
  ok: boolean;
  ms: number;
  /** When the probe ran (ISO); cached answers keep their original time. */
  checkedAt: string;
  /** Graph's error code and a token-free sentence, when it failed. */
  code?: number | null;
  message?: string;
}

export async function probeGraph(graph: GraphClient, businessId: string): Promise<GraphProbe> {
  const started = performance.now();
  const checkedAt = new Date().toISOString();
  try {
    await graph.listWabas(businessId, 'owned', { limit: 1 });
    return { ok: true, ms: Math.round(performance.now() - started), checkedAt };
  } catch (error) {
    const view = describeGraphError(error);
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      checkedAt,
      code: view.code,
      message: view.message,
    };
  }
}
