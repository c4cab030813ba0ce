import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { CallLog } from './call-log';
import { ClientCertControl } from './client-certs';
import type { SandboxContext } from './context';
import { controlRoutes } from './control';
import { coreappControlRoutes, coreappRoutes } from './coreapp/routes';
import { CoreappState } from './coreapp/state';
import { dispatch } from './dispatch';
import { EmissionLog } from './emit-log';
import { type FaultKind, Faults } from './faults';
import { type FixtureIdentities, fixtureIdentities } from './fixture-identities';
import { demoFleet } from './fixtures/demo-fleet';
import { generateFleet } from './fixtures/generate-fleet';
import { Quirks } from './quirks';
import { ReceiverRegistry } from './receivers';
import { SandboxState } from './state';
import { UsageTracker } from './usage';

export type { FixtureIdentities } from './fixture-identities';

export interface SandboxOptions {
  /** 0 = a random free port; default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A generated large fleet instead of the demo fleet. */
  fleet?: { wabas: number; numbersPerWaba: number };
  /** Refuse loopback http:// callback URLs too (default false: loopback http is allowed). */
  strictHttps?: boolean;
  /** Added to every Graph call (not to /_sandbox). */
  latencyMs?: number;
  latencyJitterMs?: number;
  faultRate?: number;
  faultKind?: FaultKind;
  /** Calls per (app, WABA) per hour before error 80008. */
  wabaCallBudget?: number;
  /** Timeout of the live verification GET; default 5000. */
  verificationTimeoutMs?: number;
  /** PEM(s) trusted for `https` callbacks' server certificates on top of Node's roots (self-signed receivers). */
  trustCa?: string | readonly string[];
}

export interface RunningSandbox {
  url: string;
  port: number;
  fixture: FixtureIdentities;
  close(): Promise<void>;
}

/** High enough that the demo and benchmarks are never throttled unless a test lowers it. */
export const DEFAULT_WABA_CALL_BUDGET = 5000;
export const DEFAULT_SANDBOX_PORT = 4010;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const fleetSize = options.fleet;
  const state = new SandboxState(fleetSize ? () => generateFleet(fleetSize) : demoFleet);
  const faults = new Faults({
    latencyMs: options.latencyMs,
    latencyJitterMs: options.latencyJitterMs,
    faultRate: options.faultRate,
    faultKind: options.faultKind,
  });
  let baseUrl = '';
  const ctx: SandboxContext = {
    state,
    faults,
    quirks: new Quirks(),
    usage: new UsageTracker(() => faults.wabaCallBudget(options.wabaCallBudget ?? DEFAULT_WABA_CALL_BUDGET)),
    log: new CallLog(),
    receivers: new ReceiverRegistry(),
    emissions: new EmissionLog(),
    coreapp: new CoreappState(),
    strictHttps: options.strictHttps ?? false,
    clientCerts: new ClientCertControl(),
    serverCas: typeof options.trustCa === 'string' ? [options.trustCa] : [...(options.trustCa ?? [])],
    verificationTimeoutMs: options.verificationTimeoutMs ?? 5000,
    baseUrl: () => baseUrl,
  };
  // Started before listening so the key generation overlaps the bind; the fixture carries the CA.
  const certs = ctx.clientCerts.certs();
  let fixture: FixtureIdentities | undefined;
  let webhookClientCa = '';
  const currentFixture = () => {
    fixture ??= fixtureIdentities(state, ctx.receivers, baseUrl, webhookClientCa);
    return fixture;
  };

  const app = new Hono();
  app.route(
    '/_sandbox/coreapp',
    coreappControlRoutes(ctx.coreapp, () => baseUrl),
  );
  app.route('/_sandbox', controlRoutes(ctx, currentFixture));
  // The legacy On-Premises Coreapps; no Graph path starts with /coreapp, and latency and faults never apply.
  app.route('/coreapp', coreappRoutes(ctx.coreapp));
  app.all('*', async (c) => {
    const delay = faults.delayMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const method = c.req.method;
    const response = await dispatch(ctx, {
      method,
      url: new URL(c.req.url),
      rawBody: method === 'GET' || method === 'HEAD' ? '' : await c.req.text(),
      contentType: c.req.header('content-type') ?? '',
      authorization: c.req.header('authorization'),
    });
    return new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: response.headers,
    });
  });

  const host = options.host ?? '127.0.0.1';
  const server = await listen(app, options.port ?? DEFAULT_SANDBOX_PORT, host);
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${urlHost(host)}:${port}`;
  webhookClientCa = (await certs).caPem;
  return {
    url: baseUrl,
    port,
    fixture: currentFixture(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        ctx.emissions.reset();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) races with clients: fetch (undici)
 * keeps an idle socket for the server's hint minus 1 s, checked by a coarse timer, so a request sent about 5 s
 * after the previous one could go out on a socket the server was closing at that moment and fail with
 * ECONNRESET. When the client shares the event loop (tests, where PGlite's work can block it for seconds), both
 * deadlines pass unnoticed and the client reuses the socket the server then destroys. Like the app's own server
 * (lib/serve/main.ts), the sandbox keeps idle connections for 65 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function listen(app: Hono, port: number, hostname: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server as Server)) as Server;
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
    server.once('error', reject);
  });
}

/** A wildcard bind is reached through loopback; IPv6 literals need brackets in URLs. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
