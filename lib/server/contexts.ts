/**
 * What each group of services needs, assembled from the process-wide pieces. Services take these as plain
 * arguments, so tests build their own from a sandbox and a memory database; the app builds them here only.
 */
import 'server-only';
import { cache } from 'react';
import { type AppRegistry, buildAppRegistry, pickApp } from '@/lib/apps/registry';
import { listStoredApps } from '@/lib/apps/stored-apps';
import type { ConfiguredApp } from '@/lib/apps/types';
import type { BulkEnv } from '@/lib/audit/bulk/env';
import type { AuditEnv } from '@/lib/audit/env';
import { getConfig } from '@/lib/config';
import { managedReceiverMatcher } from '@/lib/doctor/managed-receiver';
import type { GraphClient } from '@/lib/graph/client';
import { TokenCache } from '@/lib/onprem/client';
import type { OnpremContext } from '@/lib/onprem/context';
import type { ReceiversContext } from '@/lib/receivers/context';
import type { HookDeps } from '@/lib/receivers/hook-handlers';
import { keyringFromConfig } from '@/lib/receivers/keyring';
import type { Keyring } from '@/lib/receivers/secret-box';
import type { AppTierContext } from '@/lib/routing/app-subscription';
import type { RoutingContext } from '@/lib/routing/context';
import { FleetCache } from '@/lib/routing/fleet-cache';
import { getDb, getDbHandle } from './db';
import { connectJobGraph, defaultEnvApp, getAppAccessToken, getGraphClient } from './graph';
import { processSingleton } from './process-singleton';

/** The short-lived fleet listing shared by every request: list, overview and lookups; writes invalidate it. */
export function getFleetCache(): FleetCache {
  return processSingleton('routing.fleetCache', () => new FleetCache(getConfig().FLEET_CACHE_TTL_MS));
}

/** The keyring that encrypts receiver secrets (SECRETS_KEY, or a generated key beside DATA_DIR). */
export function getKeyring(): Keyring {
  return processSingleton('receivers.keyring', () => keyringFromConfig(getConfig()));
}

/**
 * Every configured app: the environment's (META_APPS and/or the single-app variables, the default first) and
 * those an admin added in Settings (read from the database, so an app added on one instance is seen on all;
 * the table holds a handful of rows). Once per server render: a page, its layout and every read inside it
 * (each routing context asks) share one read and decryption, and a change is seen on the next request. React's
 * `cache` does not memoise outside a render, so route handlers, actions and jobs read on every call.
 */
export const getAppRegistry = cache(async (): Promise<AppRegistry> => {
  const fromEnvironment = getConfig().META_APPS;
  return buildAppRegistry(fromEnvironment, await listStoredApps(await getDb(), getKeyring()));
});

/** The configured app `appId` names (the default app without one); throws UnknownAppError for any other id. */
export async function getApp(appId?: string | null): Promise<ConfiguredApp> {
  return pickApp(await getAppRegistry(), appId);
}

/**
 * The routing context acting as one app: its Graph client (its token, so its view of every override), its id
 * and label. Without `appId` the default app, as every caller had before apps became a parameter.
 */
export async function getRoutingContext(appId?: string | null): Promise<RoutingContext> {
  return routingContextFor(await getApp(appId));
}

/** One routing context per configured app, the default first: for pages that show every app's route. */
export async function getRoutingContexts(): Promise<RoutingContext[]> {
  const registry = await getAppRegistry();
  return Promise.all(registry.apps.map(routingContextFor));
}

async function routingContextFor(app: ConfiguredApp): Promise<RoutingContext> {
  const config = getConfig();
  return {
    graph: getGraphClient(app),
    appId: app.id,
    appLabel: app.label,
    businessIds: config.META_BUSINESS_IDS,
    allowLoopbackCallbacks: config.ALLOW_LOOPBACK_CALLBACKS,
    preflightTimeoutMs: config.PREFLIGHT_TIMEOUT_MS,
    db: await getDb(),
    fleetCache: getFleetCache(),
  };
}

/** One app's routing context plus its app access token, which the app-tier services (and only they) need. */
export async function getAppTierContext(appId?: string | null): Promise<AppTierContext> {
  const app = await getApp(appId);
  return { ...(await routingContextFor(app)), appAccessToken: getAppAccessToken(app) };
}

export async function getReceiversContext(): Promise<ReceiversContext> {
  const config = getConfig();
  return {
    db: await getDb(),
    keyring: getKeyring(),
    baseUrl: config.RECEIVER_BASE_URL ?? config.NEXTAUTH_URL ?? `http://127.0.0.1:${config.PORT}`,
    rotationGraceHours: config.RECEIVER_ROTATION_GRACE_HOURS,
    retentionDays: config.DELIVERY_RETENTION_DAYS,
  };
}

export async function getAuditEnv(): Promise<AuditEnv> {
  const config = getConfig();
  /** The doctor's context as `app`, on the scan's own client for that app. */
  const doctorAs = (app: ConfiguredApp) => async (graph: GraphClient) => ({
    ...(await routingContextFor(app)),
    appAccessToken: getAppAccessToken(app),
    graph,
    accessToken: app.accessToken,
    managedReceiver: managedReceiverMatcher(await getReceiversContext()),
  });
  // The environment's default app is the registry's default too (Settings apps never are): no database read
  // here, as most callers only want the database.
  const defaultApp = defaultEnvApp();
  return {
    db: await getDb(),
    appId: defaultApp.id,
    appLabel: defaultApp.label,
    businessIds: config.META_BUSINESS_IDS,
    connect: () => connectJobGraph(defaultApp),
    routing: () => getRoutingContext(defaultApp.id),
    // Every scan reads the fleet as every configured app (read when the scan starts, so an app added in
    // Settings is in the next scan) and records each number's delivery verdict with the doctor's checks.
    apps: async () =>
      (await getAppRegistry()).apps.map((app) => ({
        appId: app.id,
        appLabel: app.label,
        connect: () => connectJobGraph(app),
        doctor: doctorAs(app),
      })),
    doctor: doctorAs(defaultApp),
  };
}

/** Bulk re-routing: each job acts as its one chosen app, with that app's routing context and job client. */
export async function getBulkEnv(): Promise<BulkEnv> {
  return {
    db: await getDb(),
    routing: getRoutingContext,
    connect: async (appId) => connectJobGraph(await getApp(appId)),
  };
}

/** The On-Premises services' context: routing (carry-over writes phone overrides) and one Coreapp token cache. */
export async function getOnpremContext(): Promise<OnpremContext> {
  const routing = await getRoutingContext();
  return {
    db: routing.db,
    keyring: getKeyring(),
    routing,
    allowLoopback: routing.allowLoopbackCallbacks,
    timeoutMs: getConfig().PREFLIGHT_TIMEOUT_MS,
    tokens: processSingleton('onprem.tokens', () => new TokenCache()),
  };
}

/** What `/api/hooks/<id>` needs, for the Next route and the production server's fast path alike. */
export async function getHookDeps(): Promise<HookDeps> {
  const config = getConfig();
  const handle = await getDbHandle();
  return {
    db: handle.db,
    // PostgreSQL commits batches on several connections at once (its own group commit shares the WAL
    // flush); the embedded database has one connection, so more writers would only queue inside it.
    writeConcurrency: handle.kind === 'postgres' ? 4 : 1,
    keyring: getKeyring(),
    publicUrl: config.NEXTAUTH_URL,
    clientCert: { subjectHeader: config.MTLS_CLIENT_SUBJECT_HEADER, trustedProxies: config.TRUSTED_PROXIES },
  };
}
