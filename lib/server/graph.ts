/**
 * The app's Graph client, built once per process from the environment. Every response's usage headers go to
 * the process's usage recorder (shared `graph_usage` table), which lib/graph knows nothing about: it only
 * calls the `onUsage` hook wired here. Audit and bulk jobs get their own metered, throttled client with the
 * same options.
 */
import 'server-only';
import { type AuditGraph, createAuditGraph } from '@/lib/audit/graph';
import { Throttle } from '@/lib/audit/throttle';
import { getConfig } from '@/lib/config';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '@/lib/graph/client';
import { createUsageRecorder, recentMaxPercent, recordUsage, type UsageRecorder } from '@/lib/graph-usage';
import { logger } from '@/lib/log';
import { getDb } from './db';
import { processSingleton } from './process-singleton';

/** Usage figures younger than this, from any instance, steer a job's throttle (Graph's window is an hour). */
const SHARED_USAGE_WINDOW_MS = 5 * 60_000;

/** The recorder every Graph client of this process reports to; writes for the configured app. */
export function getUsageRecorder(): UsageRecorder {
  return processSingleton('graphUsage.recorder', () =>
    createUsageRecorder({
      write: async (figures) => recordUsage(await getDb(), getConfig().META_APP_ID, figures),
      onError: (err) =>
        logger.warn({ err }, 'could not record Graph usage figures (the Graph call itself is unaffected)'),
    }),
  );
}

/** The client options the environment gives, with usage going to the process recorder. */
export function graphClientOptions(): GraphClientOptions {
  const config = getConfig();
  return {
    baseUrl: config.GRAPH_API_BASE_URL,
    version: config.GRAPH_API_VERSION,
    accessToken: config.GRAPH_ACCESS_TOKEN,
    appSecret: config.META_APP_SECRET,
    timeoutMs: config.GRAPH_TIMEOUT_MS,
    maxRetries: config.GRAPH_MAX_RETRIES,
    // Usage figures go to the database (throttled, in the background) so every instance sees the same ones.
    onUsage: (usage) => getUsageRecorder().observe(usage),
  };
}

export function getGraphClient(): GraphClient {
  return processSingleton('graph.client', () => createGraphClient(graphClientOptions()));
}

/** `APP_ID|APP_SECRET`, needed for `/<APP_ID>/subscriptions` and `/debug_token`; null without a secret. */
export function getAppAccessToken(): string | null {
  const config = getConfig();
  return config.META_APP_SECRET ? `${config.META_APP_ID}|${config.META_APP_SECRET}` : null;
}

/**
 * A fresh metered client for one job (each job counts its own calls), throttled by the usage figures every
 * instance has recorded recently as well as by its own responses.
 */
export function connectJobGraph(): AuditGraph {
  const appId = getConfig().META_APP_ID;
  const throttle = new Throttle({
    sharedUsage: async () => recentMaxPercent(await getDb(), appId, SHARED_USAGE_WINDOW_MS),
  });
  return createAuditGraph(graphClientOptions(), throttle);
}
