/**
 * The typed client of the sandbox's control surface (`/_sandbox/…`, control.ts and emit-routes.ts), for the
 * test harnesses, the browser suite and the benchmarks. One method per control route, typed with the
 * sandbox's own types, so a route's shape is declared once: add a method here when a route is added there.
 * Imports are types only, so any runtime (vitest, Playwright, tsx scripts) can load it without the sandbox.
 */
import type { CallLogEntry } from './call-log';
import type { CoreappDeploymentView } from './coreapp/routes';
import type { DeliveryView, Emission } from './emit-log';
import type { EmitBody } from './emit-routes';
import type { FaultConfig } from './faults';
import type { FixtureIdentities } from './fixture-identities';
import type { QuirkConfig } from './quirks';
import type { Delivery } from './receivers';
import type { SandboxState } from './state';

export type { CallLogEntry as SandboxCall } from './call-log';
export type { CoreappSettings } from './coreapp/fixture';
export type { CoreappDeploymentView } from './coreapp/routes';
export type { DeliveryView, Emission } from './emit-log';
export type { EmitBody } from './emit-routes';
export type { FaultConfig } from './faults';
export type { FixtureApp, FixtureIdentities } from './fixture-identities';
export type { QuirkConfig } from './quirks';
export type { Delivery as ReceiverDelivery } from './receivers';

/** `GET /_sandbox/faults`: the configuration in effect; `remaining` in count mode. */
export type CurrentFaults = FaultConfig & { remaining?: number };

export interface ControlInit {
  method?: string;
  json?: unknown;
}

/** A control route's answer as it came, for tests of the control surface itself (status included). */
export interface ControlResponse<T> {
  status: number;
  body: T;
}

export interface SandboxClient {
  readonly url: string;
  /** Any control route, unchecked: GET unless a body is given (then POST). */
  raw<T = Record<string, unknown>>(path: string, init?: ControlInit): Promise<ControlResponse<T>>;
  health(): Promise<{ ok: boolean }>;
  fixture(): Promise<FixtureIdentities>;
  state(): Promise<ReturnType<SandboxState['dump']>>;
  /** Restores the seeded fleet and baseline faults; clears the call log, usage, receivers and emissions. */
  reset(): Promise<void>;
  /** The Graph calls received (at or after `since`, an ISO timestamp), oldest first. */
  calls(since?: string): Promise<CallLogEntry[]>;
  clearCalls(): Promise<void>;
  currentFaults(): Promise<CurrentFaults>;
  /** Replaces the whole fault configuration (omitted fields are off). */
  faults(config: FaultConfig): Promise<CurrentFaults>;
  clearFaults(): Promise<CurrentFaults>;
  currentQuirks(): Promise<QuirkConfig>;
  /** Replaces the set of live-Graph quirks (omitted ones are off): short pages, `"success": "true"`. */
  quirks(config: QuirkConfig): Promise<QuirkConfig>;
  clearQuirks(): Promise<QuirkConfig>;
  /** Creates or reconfigures the echo receiver `/_sandbox/receiver/<name>`; answers its URL. */
  configureReceiver(name: string, config: { verifyToken: string; deliveryStatus?: number }): Promise<string>;
  receiverDeliveries(name: string): Promise<Delivery[]>;
  clearReceiverDeliveries(name: string): Promise<void>;
  /** Emits one webhook event for a phone number to every subscribed app, the way Meta routes it. */
  emit(body: EmitBody): Promise<Emission>;
  deliveries(filter?: { phoneNumberId?: string; emissionId?: string }): Promise<DeliveryView[]>;
  emission(id: string): Promise<Emission>;
  /** `GET /_sandbox/coreapp`: the On-Premises Coreapps, with their credentials and live settings. */
  coreappDeployments(): Promise<CoreappDeploymentView[]>;
  /** Expires every issued Coreapp token, so clients must log in again; answers how many expired. */
  expireCoreappTokens(): Promise<number>;
  /** Restores the Coreapps' seeded settings and forgets their tokens (`reset()` does this too). */
  resetCoreapp(): Promise<void>;
}

/** A client for the sandbox at `url` (its origin, e.g. `http://127.0.0.1:4010`). Failures throw. */
export function sandboxClient(url: string): SandboxClient {
  const base = url.replace(/\/+$/, '');

  async function raw<T>(path: string, init: ControlInit = {}): Promise<ControlResponse<T>> {
    const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
    const response = await fetch(`${base}/_sandbox${path}`, {
      method,
      headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: (type.includes('json') ? JSON.parse(text) : text) as T };
  }

  async function call<T>(path: string, init: ControlInit = {}): Promise<T> {
    const { status, body } = await raw<T>(path, init);
    if (status < 200 || status > 299) {
      const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
      const detail = typeof body === 'string' ? body : JSON.stringify(body);
      throw new Error(`sandbox control ${method} ${path}: HTTP ${status} ${detail}`);
    }
    return body;
  }

  const query = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    return search ? `?${search}` : '';
  };
  const receiverPath = (name: string) => `/receiver/${encodeURIComponent(name)}`;

  return {
    url: base,
    raw,
    health: () => call('/health'),
    fixture: () => call('/fixture'),
    state: () => call('/state'),
    reset: async () => {
      await call('/reset', { method: 'POST' });
    },
    calls: async (since) => (await call<{ data: CallLogEntry[] }>(`/calls${query({ since })}`)).data,
    clearCalls: async () => {
      await call('/calls', { method: 'DELETE' });
    },
    currentFaults: () => call('/faults'),
    faults: (config) => call('/faults', { method: 'POST', json: config }),
    clearFaults: () => call('/faults', { method: 'DELETE' }),
    currentQuirks: () => call('/quirks'),
    quirks: (config) => call('/quirks', { method: 'POST', json: config }),
    clearQuirks: () => call('/quirks', { method: 'DELETE' }),
    configureReceiver: async (name, config) =>
      (await call<{ url: string }>(receiverPath(name), { method: 'PUT', json: config })).url,
    receiverDeliveries: async (name) =>
      (await call<{ data: Delivery[] }>(`${receiverPath(name)}/deliveries`)).data,
    clearReceiverDeliveries: async (name) => {
      await call(`${receiverPath(name)}/deliveries`, { method: 'DELETE' });
    },
    emit: async (body) => (await call<{ emission: Emission }>('/emit', { json: body })).emission,
    deliveries: async (filter = {}) =>
      (await call<{ data: DeliveryView[] }>(`/deliveries${query(filter)}`)).data,
    emission: async (id) =>
      (await call<{ emission: Emission }>(`/emissions/${encodeURIComponent(id)}`)).emission,
    coreappDeployments: async () =>
      (await call<{ deployments: CoreappDeploymentView[] }>('/coreapp')).deployments,
    expireCoreappTokens: async () =>
      (await call<{ expired: number }>('/coreapp/expire-tokens', { method: 'POST' })).expired,
    resetCoreapp: async () => {
      await call('/coreapp/reset', { method: 'POST' });
    },
  };
}
