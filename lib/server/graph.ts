/**
 * Graph clients, one per configured app (lib/apps), each built once per process. Every response's usage
 * headers go to that app's usage recorder (shared `graph_usage` table), which lib/graph knows nothing about:
 * it only calls the `onUsage` hook wired here. Audit and bulk jobs get their own metered, throttled client
 * with the same options. Without an app argument, everything here is the default app's, as before.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type { ConfiguredApp } from '@/lib/apps/types';
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

/** The default app, as the environment configures it (the single-app variables or META_APPS' default). */
export function defaultEnvApp(): ConfiguredApp {
  const [app] = getConfig().META_APPS;
  if (!app) throw new Error('No app is configured');
  return { ...app, source: 'environment' };
}

/** The recorder the Graph clients of one app report to (the default app's without an id). */
export function getUsageRecorder(appId: string = getConfig().META_APP_ID): UsageRecorder {
  return processSingleton(`graphUsage.recorder:${appId}`, () =>
    createUsageRecorder({
      write: async (figures) => recordUsage(await getDb(), appId, figures),
      onError: (err) =>
        logger.warn({ err }, 'could not record Graph usage figures (the Graph call itself is unaffected)'),
    }),
  );
}

/** The client options for one app (default: the default app), with usage going to its recorder. */
export function graphClientOptions(app: ConfiguredApp = defaultEnvApp()): GraphClientOptions {
  const config = getConfig();
  return {
    baseUrl: config.GRAPH_API_BASE_URL,
    version: config.GRAPH_API_VERSION,
    accessToken: app.accessToken,
    appSecret: app.appSecret ?? undefined,
    timeoutMs: config.GRAPH_TIMEOUT_MS,
    maxRetries: config.GRAPH_MAX_RETRIES,
    // Usage figures go to the database (throttled, in the background) so every instance sees the same ones.
    onUsage: (usage) => getUsageRecorder(app.id).observe(usage),
  };
}

/**
 * A digest of the credentials in the singleton key: an app re-added in Settings with a new token gets a new
 * client, and the key (which may appear in a debugger) never holds the token itself.
 */
function credentialKey(app: ConfiguredApp): string {
  return createHash('sha256')
    .update(`${app.accessToken}\u0000${app.appSecret ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

/** The Graph client acting as `app` (default: the default app): built once per app and credentials. */
export function getGraphClient(app: ConfiguredApp = defaultEnvApp()): GraphClient {
  return processSingleton(`graph.client:${app.id}:${credentialKey(app)}`, () =>
    createGraphClient(graphClientOptions(app)),
  );
}

/** `APP_ID|APP_SECRET`, needed for `/<APP_ID>/subscriptions` and `/debug_token`; null without a secret. */
export function getAppAccessToken(app: ConfiguredApp = defaultEnvApp()): string | null {
  return app.appSecret ? `${app.id}|${app.appSecret}` : null;
}

/**
 * A fresh metered client for one job (each job counts its own calls), throttled by the usage figures every
 * instance has recorded recently for that app as well as by its own responses.
 */
export function connectJobGraph(app: ConfiguredApp = defaultEnvApp()): AuditGraph {
  const throttle = new Throttle({
    sharedUsage: async () => recentMaxPercent(await getDb(), app.id, SHARED_USAGE_WINDOW_MS),
  });
  return createAuditGraph(graphClientOptions(app), throttle);
}
