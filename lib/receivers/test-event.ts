/**
 * "Send test event" on a number's page, in sandbox mode: asks the Graph sandbox (its control origin is
 * GRAPH_SANDBOX_CONTROL_URL) to emit a webhook through Meta's routing, and reports where each subscribed
 * app's copy went, by which tier, and whether it landed on one of our managed receivers.
 */
import 'server-only';
import { z } from 'zod';
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

export type TestEventTarget = Emission['targets'][number] & { receiver: { id: string; name: string } | null };
export interface TestEventView extends Omit<Emission, 'targets'> {
  targets: TestEventTarget[];
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

async function withReceivers(ctx: ReceiversContext, emission: Emission): Promise<TestEventView> {
  const receivers = new Map((await listReceiverChoices(ctx)).map((r) => [r.id, r]));
  const targets = emission.targets.map((target) => {
    const id = target.url ? HOOK_PATH.exec(pathOf(target.url))?.[1] : undefined;
    const receiver = id ? receivers.get(id) : undefined;
    return { ...target, receiver: receiver ? { id: receiver.id, name: receiver.name } : null };
  });
  return { ...emission, targets, settled: targets.every((t) => t.outcome !== 'pending') };
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

export async function sendTestEvent(
  ctx: ReceiversContext,
  controlUrl: string,
  input: TestEventInput,
): Promise<TestEventResult> {
  const result = await control(new URL('/_sandbox/emit', controlUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return isFailure(result) ? { ok: false, ...result } : { ok: true, data: await withReceivers(ctx, result) };
}

/** The latest state of an emission (retries keep running after the first answer). */
export async function readTestEvent(
  ctx: ReceiversContext,
  controlUrl: string,
  emissionId: string,
): Promise<TestEventResult> {
  const path = `/_sandbox/emissions/${encodeURIComponent(emissionId)}`;
  const result = await control(new URL(path, controlUrl).toString());
  return isFailure(result) ? { ok: false, ...result } : { ok: true, data: await withReceivers(ctx, result) };
}
