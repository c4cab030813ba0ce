/**
 * `POST /_sandbox/emit`: builds one event for a phone number and delivers it to every subscribed app the way
 * Meta would — URL by tier (emit-routing.ts), body signed with that app's secret, retried on non-200
 * (emit-delivery.ts) — recording each attempt in the emission log.
 */
import { randomUUID } from 'node:crypto';
import type { EmittableField, MessageKind } from '@/lib/graph/schemas';
import type { SandboxContext } from './context';
import { DEFAULT_RETRY_POLICY, deliverWithRetries, isLoopbackUrl, type RetryPolicy } from './emit-delivery';
import type { Emission, EmissionTarget } from './emit-log';
import { buildPayload, type StatusValue } from './emit-payloads';
import { followsOverrides, routeTargets } from './emit-routing';

export interface EmitRequest {
  phoneNumberId: string;
  field: EmittableField;
  kind: MessageKind;
  status: StatusValue;
  retry?: Partial<RetryPolicy>;
}

export interface EmitResult {
  emission: Emission;
  /** Resolves when every delivery has succeeded, given up or been cancelled. */
  settled: Promise<void>;
  /** Resolves when every delivery has made its first attempt (or was skipped). */
  firstAttempts: Promise<void>;
}

export function emit(ctx: SandboxContext, request: EmitRequest): EmitResult | undefined {
  const phone = ctx.state.phoneNumbers.get(request.phoneNumberId);
  const waba = phone && ctx.state.wabas.get(phone.wabaId);
  if (!phone || !waba) return undefined;
  const policy = { ...DEFAULT_RETRY_POLICY, ...request.retry };
  const payload = buildPayload({ ...request, phone, waba, time: Math.floor(Date.now() / 1000) });
  // One body for every app and every retry: the bytes (and so each app's signature) never change.
  const body = JSON.stringify(payload);
  const routes = routeTargets(ctx.state, phone, request.field);
  const emission: Emission = {
    id: randomUUID(),
    at: new Date().toISOString(),
    phoneNumberId: phone.id,
    wabaId: waba.id,
    field: request.field,
    kind: request.field === 'messages' ? request.kind : null,
    followsOverrides: followsOverrides(request.field),
    payload,
    targets: [],
  };
  ctx.emissions.add(emission);

  const signal = ctx.emissions.signal;
  const firsts: Promise<void>[] = [];
  const runs = routes.map(async (route) => {
    const target: EmissionTarget = {
      appId: route.app.id,
      appName: route.app.name,
      tier: route.tier,
      url: route.url,
      outcome: 'pending',
      attempts: [],
    };
    emission.targets.push(target);
    if (route.skip || !route.url || !route.tier) {
      Object.assign(target, { outcome: 'skipped', reason: route.skip ?? 'no_callback_url' });
      return;
    }
    if (!isLoopbackUrl(route.url)) {
      Object.assign(target, { outcome: 'skipped', reason: 'not_loopback' });
      return;
    }
    let markFirst = () => {};
    firsts.push(new Promise<void>((resolve) => (markFirst = resolve)));
    const delivered = await deliverWithRetries({
      url: route.url,
      body,
      secret: route.app.secret,
      tier: route.tier,
      policy,
      signal,
      tls: async () => ({ clientCert: await ctx.clientCerts.current(), serverCas: ctx.serverCas }),
      onAttempt: (attempt) => {
        target.attempts.push(attempt);
        markFirst();
      },
    });
    markFirst();
    target.outcome = delivered ? 'delivered' : 'failed';
  });
  const settled = Promise.all(runs).then(() => undefined);
  // The async callbacks above ran up to their first await, so `firsts` is complete here.
  return { emission, settled, firstAttempts: Promise.all(firsts).then(() => undefined) };
}
