/**
 * The process's cached probe of the configured Graph connection, kept for GRAPH_PROBE_TTL_MS so
 * load-balancer health checks do not spend the Graph call budget.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { GRAPH_PROBE_TTL_MS, type GraphProbe, probeGraph } from '@/lib/health/graph-probe';
import { getGraphClient } from './graph';
import { processSingleton } from './process-singleton';

interface ProbeSlot {
  last?: { at: number; probe: Promise<GraphProbe> };
}

export function cachedGraphProbe(now = Date.now()): Promise<GraphProbe> {
  const slot = processSingleton<ProbeSlot>('health.graphProbe', () => ({}));
  if (slot.last && now - slot.last.at < GRAPH_PROBE_TTL_MS) return slot.last.probe;
  const probe = probeGraph(getGraphClient(), getConfig().META_BUSINESS_IDS[0] ?? '');
  slot.last = { at: now, probe };
  return probe;
}
