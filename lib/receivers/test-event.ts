/**
 * "Send test event" on a number's page, in sandbox mode: asks the Graph sandbox (its control origin is
 * GRAPH_SANDBOX_CONTROL_URL) to emit a webhook through Meta's routing, and reports every app's copy: where each
 * subscribed app's copy went (its effective URL), by which tier, whether it arrived at one of our managed
 * receivers (or was refused there), and which configured apps got no copy because they are not subscribed.
 */
import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { receiverDeliveries } from '@/lib/db/schema';
import { EMISSION_OUTCOMES, EMITTABLE_FIELDS, MESSAGE_KINDS, TIERS } from '@/lib/graph/schemas';
import type { ReceiversContext } from './context';
import { listReceiverChoices } from './picker';

export const testEventInputSchema = z.object({
  phoneNumberId: z.string().regex(/^\d+$/, 'must be a numeric phone number id'),
  field: z.enum(EMITTABLE_FIELDS).default('messages'),
  kind: z.enum(MESSAGE_KINDS).default('message'),
});
export type TestEventInput = z.output<typeof testEventInputSchema>;

const emissionSchema = z.object({
  id: z.string(),
  at: z.string(),
  phoneNumberId: z.string(),
  field: z.string(),
  kind: z.string().nullable(),
  followsOverrides: z.boolean(),
  targets: z.array(
    z.object({
      appId: z.string(),
      appName: z.string(),
      tier: z.enum(TIERS).nullable(),
      url: z.string().nullable(),
      outcome: z.enum(EMISSION_OUTCOMES),
      reason: z.string().optional(),
      attempts: z.array(
        z.object({
          at: z.string(),
          status: z.number().nullable(),
          error: z.string().optional(),
          durationMs: z.number(),
        }),
      ),
    }),
  ),
});
type Emission = z.output<typeof emissionSchema>;

/** A configured app, as Switchboard names it (never its token). */
export interface TestEventApp {
  id: string;
  label: string;
}

/**
 * For a copy sent to a managed receiver: `stored` once it answered 200 (it answers only after storing);
 * `refused` when it answered no and recorded why (a signature made with another app's secret, mTLS, size).
 */
export type TestEventArrival =
  | { kind: 'stored' }
  | { kind: 'refused'; reason: string | null; at: string | null }
  | { kind: 'not_yet' };

export type TestEventTarget = Emission['targets'][number] & {
  receiver: { id: string; name: string } | null;
  /** Switchboard's label when the app is configured here, else the name Graph reports. */
  appLabel: string;
  configured: boolean;
  /** Null unless the copy went to a managed receiver. */
  arrival: TestEventArrival | null;
};
export interface TestEventView extends Omit<Emission, 'targets'> {
  targets: TestEventTarget[];
  /** Configured apps with no copy at all: not subscribed to the number's WABA, so Meta sends them nothing. */
  withoutCopy: TestEventApp[];
  /** No delivery is still waiting for a retry. */
  settled: boolean;
}

/** `rejected`: the sandbox refused the request (an unknown number, say); otherwise it failed or was unreachable. */
export type TestEventResult =
  | { ok: true; data: TestEventView }
  | { ok: false; error: string; rejected: boolean };
type ControlFailure = { error: string; rejected: boolean };

const HOOK_PATH = /\/api\/hooks\/([0-9a-f-]{36})$/i;

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** The receiver's latest refusal since the event was sent: why a copy that reached it was not stored. */
async function refusalSince(ctx: ReceiversContext, receiverId: string, since: string) {
  const [row] = await ctx.db
    .select({ reason: receiverDeliveries.rejectReason, at: receiverDeliveries.receivedAt })
    .from(receiverDeliveries)
    .where(
      and(
        eq(receiverDeliveries.receiverId, receiverId),
        eq(receiverDeliveries.outcome, 'rejected'),
        gte(receiverDeliveries.receivedAt, new Date(since)),
      ),
    )
    .orderBy(desc(receiverDeliveries.seq))
    .limit(1);
  return row ?? null;
}

async function arrivalOf(
  ctx: ReceiversContext,
  target: Emission['targets'][number],
  receiverId: string,
  since: string,
): Promise<TestEventArrival> {
  if (target.outcome === 'delivered') return { kind: 'stored' };
  const answered = target.attempts.some((a) => a.status !== null);
  const refusal = answered ? await refusalSince(ctx, receiverId, since) : null;
  if (refusal) return { kind: 'refused', reason: refusal.reason, at: refusal.at.toISOString() };
  return target.outcome === 'failed' && answered
    ? { kind: 'refused', reason: null, at: null }
    : { kind: 'not_yet' };
}

async function withReceivers(
  ctx: ReceiversContext,
  emission: Emission,
  apps: readonly TestEventApp[],
): Promise<TestEventView> {
  const receivers = new Map((await listReceiverChoices(ctx)).map((r) => [r.id, r]));
  const labels = new Map(apps.map((app) => [app.id, app.label]));
  const targets = await Promise.all(
    emission.targets.map(async (target): Promise<TestEventTarget> => {
      const id = target.url ? HOOK_PATH.exec(pathOf(target.url))?.[1] : undefined;
      const receiver = id ? receivers.get(id) : undefined;
      return {
        ...target,
        receiver: receiver ? { id: receiver.id, name: receiver.name } : null,
        appLabel: labels.get(target.appId) ?? target.appName,
        configured: labels.has(target.appId),
        arrival: receiver ? await arrivalOf(ctx, target, receiver.id, emission.at) : null,
      };
    }),
  );
  const copied = new Set(targets.map((t) => t.appId));
  return {
    ...emission,
    targets,
    withoutCopy: apps.filter((app) => !copied.has(app.id)).map(({ id, label }) => ({ id, label })),
    settled: targets.every((t) => t.outcome !== 'pending'),
  };
}

async function control(url: string, init?: RequestInit): Promise<Emission | ControlFailure> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000), cache: 'no-store' });
    const body = (await response.json().catch(() => null)) as { emission?: unknown; error?: unknown } | null;
    if (!response.ok) {
      return {
        error: typeof body?.error === 'string' ? body.error : `The sandbox answered ${response.status}`,
        rejected: response.status >= 400 && response.status < 500,
      };
    }
    const parsed = emissionSchema.safeParse(body?.emission);
    return parsed.success
      ? parsed.data
      : { error: 'The sandbox answered in an unexpected shape', rejected: false };
  } catch {
    return { error: 'The Graph sandbox could not be reached', rejected: false };
  }
}

function isFailure(result: Emission | ControlFailure): result is ControlFailure {
  return 'error' in result;
}

/** `apps`: the configured apps, so every app's copy is named as Switchboard names it, and a missing one shows. */
export async function sendTestEvent(
  ctx: ReceiversContext,
  controlUrl: string,
  input: TestEventInput,
  apps: readonly TestEventApp[] = [],
): Promise<TestEventResult> {
  const result = await control(new URL('/_sandbox/emit', controlUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return isFailure(result)
    ? { ok: false, ...result }
    : { ok: true, data: await withReceivers(ctx, result, apps) };
}

/** The latest state of an emission (retries keep running after the first answer). */
export async function readTestEvent(
  ctx: ReceiversContext,
  controlUrl: string,
  emissionId: string,
  apps: readonly TestEventApp[] = [],
): Promise<TestEventResult> {
  const path = `/_sandbox/emissions/${encodeURIComponent(emissionId)}`;
  const result = await control(new URL(path, controlUrl).toString());
  return isFailure(result)
    ? { ok: false, ...result }
    : { ok: true, data: await withReceivers(ctx, result, apps) };
}
