/**
 * The app's Graph client, configured from the environment once per server process. Every response's usage
 * headers are recorded in the shared `graph_usage` table (lib/graph-usage); recording never fails a call.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { processUsageRecorder } from '@/lib/graph-usage';
import { createGraphClient, type GraphClient } from './client';

let client: GraphClient | undefined;

export function getGraphClient(): GraphClient {
  if (!client) {
    const config = getConfig();
    client = createGraphClient({
      baseUrl: config.GRAPH_API_BASE_URL,
      version: config.GRAPH_API_VERSION,
      accessToken: config.GRAPH_ACCESS_TOKEN,
      appSecret: config.META_APP_SECRET,
      timeoutMs: config.GRAPH_TIMEOUT_MS,
      maxRetries: config.GRAPH_MAX_RETRIES,
      // Usage figures go to the database (throttled, in the background) so every instance sees the same ones.
      onUsage: (usage) => processUsageRecorder().observe(usage),
    });
  }
  return client;
}

/** `APP_ID|APP_SECRET`, needed for `/<APP_ID>/subscriptions` and `/debug_token`; null without a secret. */
export function getAppAccessToken(): string | null {
  const config = getConfig();
  return config.META_APP_SECRET ? `${config.META_APP_ID}|${config.META_APP_SECRET}` : null;
}
