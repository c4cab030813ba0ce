/**
 * Reading and changing a deployment's webhook settings with the safety of an override write: validation,
 * a reachability preflight of a new URL, a stale check against what the form was loaded with, the PATCH,
 * a read-back, and one change-log row whatever happened.
 */
import 'server-only';
import { type Actor, recordChange } from '@/lib/db/change-log';
import { safeGet } from '@/lib/net/safe-fetch';
import { explainFailure } from '@/lib/routing/preflight-explain';
import type { OnpremContext } from './context';
import { openDeployment } from './deployments';
import { CoreappError, describeCoreappError } from './errors';
import type { ApplicationSettings, ApplicationSettingsPatch } from './schemas';
import { changedKeys, type WebhookSettings } from './settings-form';

export function toWebhookSettings(s: ApplicationSettings): WebhookSettings {
  const sent = s.webhooks?.message?.sent ?? s.sent_status ?? false;
  return {
    webhookUrl: s.webhooks?.url ?? '',
    callbackPersist: s.callback_persist ?? false,
    messageSent: sent,
    messageDelivered: s.webhooks?.message?.delivered ?? false,
    messageRead: s.webhooks?.message?.read ?? false,
    callbackBackoffDelayMs: s.callback_backoff_delay_ms ?? 3000,
    maxCallbackBackoffDelayMs: s.max_callback_backoff_delay_ms ?? 900000,
    maxConcurrentRequests: s.webhooks?.max_concurrent_requests ?? 6,
  };
}

/** Only what changed goes in the PATCH: a Coreapp older than v2.41.2 refuses `webhooks.message`. */
export function toPatch(before: WebhookSettings, after: WebhookSettings): ApplicationSettingsPatch {
  const patch: ApplicationSettingsPatch = {};
  const webhooks: NonNullable<ApplicationSettingsPatch['webhooks']> = {};
  const message: NonNullable<NonNullable<ApplicationSettingsPatch['webhooks']>['message']> = {};
  for (const key of changedKeys(before, after)) {
    if (key === 'webhookUrl') webhooks.url = after.webhookUrl;
    if (key === 'callbackPersist') patch.callback_persist = after.callbackPersist;
    if (key === 'messageSent') message.sent = after.messageSent;
    if (key === 'messageDelivered') message.delivered = after.messageDelivered;
    if (key === 'messageRead') message.read = after.messageRead;
    if (key === 'callbackBackoffDelayMs') patch.callback_backoff_delay_ms = after.callbackBackoffDelayMs;
    if (key === 'maxCallbackBackoffDelayMs')
      patch.max_callback_backoff_delay_ms = after.maxCallbackBackoffDelayMs;
    if (key === 'maxConcurrentRequests') webhooks.max_concurrent_requests = after.maxConcurrentRequests;
  }
  if (Object.keys(message).length) webhooks.message = message;
  if (Object.keys(webhooks).length) patch.webhooks = webhooks;
  return patch;
}

export type SettingsRead =
  | { ok: true; settings: WebhookSettings; readAt: string }
  | { ok: false; error: 'not_found' | 'unreachable'; message: string };

export async function readDeploymentSettings(ctx: OnpremContext, id: string): Promise<SettingsRead> {
  const opened = await openDeployment(ctx, id);
  if (!opened) return { ok: false, error: 'not_found', message: 'No such On-Premises deployment.' };
  try {
    const settings = toWebhookSettings(await opened.client.getApplicationSettings());
    return { ok: true, settings, readAt: new Date().toISOString() };
  } catch (error) {
    if (!(error instanceof CoreappError)) throw error;
    return { ok: false, error: 'unreachable', message: describeCoreappError(error) };
  }
}

export interface ChangeSettingsInput {
  id: string;
  /** The webhook URL the form was loaded with: a different current one means someone else changed it. */
  expectedWebhookUrl: string;
  settings: WebhookSettings;
}

export type ChangeSettingsOutcome =
  | { kind: 'applied'; after: WebhookSettings }
  | { kind: 'mismatch'; after: WebhookSettings; differs: Array<keyof WebhookSettings> }
  | { kind: 'unchanged' }
  | { kind: 'stale'; current: string }
  | { kind: 'preflight_failed'; explanation: string }
  | { kind: 'coreapp_error'; message: string }
  | { kind: 'not_found' };

/**
 * The Coreapp sends no verification request, so the preflight asks only what can be known from here: does
 * the URL answer over HTTPS at a public address? Any HTTP status counts (a POST-only receiver may say 405).
 */
async function reachable(ctx: OnpremContext, url: string): Promise<string | null> {
  const res = await safeGet(url, {
    allowLoopback: ctx.allowLoopback,
    timeoutMs: ctx.timeoutMs,
    maxBodyBytes: 1_024,
    headers: { 'user-agent': 'Switchboard-Preflight/1.0' },
  });
  return res.ok ? null : explainFailure(res, ctx.timeoutMs);
}

export async function changeDeploymentSettings(
  ctx: OnpremContext,
  input: ChangeSettingsInput,
  actor: Actor,
): Promise<ChangeSettingsOutcome> {
  const opened = await openDeployment(ctx, input.id);
  if (!opened) return { kind: 'not_found' };
  const log = (
    entry: Omit<Parameters<typeof recordChange>[0], 'actor' | 'action' | 'targetType' | 'targetId'>,
  ) =>
    recordChange(
      { actor, action: 'onprem_webhook.set', targetType: 'onprem_deployment', targetId: input.id, ...entry },
      ctx.db,
    );

  let before: WebhookSettings;
  try {
    before = toWebhookSettings(await opened.client.getApplicationSettings());
  } catch (error) {
    if (!(error instanceof CoreappError)) throw error;
    const message = describeCoreappError(error);
    await log({ requested: input.settings, outcome: 'failure', errorCode: error.code, message });
    return { kind: 'coreapp_error', message };
  }
  if (before.webhookUrl !== input.expectedWebhookUrl) {
    const message = 'The webhook URL changed since the page was loaded.';
    await log({ before, requested: input.settings, outcome: 'refused', message });
    return { kind: 'stale', current: before.webhookUrl };
  }
  const patch = toPatch(before, input.settings);
  if (Object.keys(patch).length === 0) return { kind: 'unchanged' };

  if (patch.webhooks?.url) {
    const problem = await reachable(ctx, patch.webhooks.url);
    if (problem) {
      await log({ before, requested: patch, outcome: 'refused', message: `Preflight failed: ${problem}` });
      return { kind: 'preflight_failed', explanation: problem };
    }
  }

  try {
    await opened.client.patchApplicationSettings(patch);
  } catch (error) {
    if (!(error instanceof CoreappError)) throw error;
    const message = describeCoreappError(error);
    await log({ before, requested: patch, outcome: 'failure', errorCode: error.code, message });
    return { kind: 'coreapp_error', message };
  }

  let after: WebhookSettings;
  try {
    after = toWebhookSettings(await opened.client.getApplicationSettings());
  } catch (error) {
    if (!(error instanceof CoreappError)) throw error;
    const message = `Saved, but the read-back failed: ${describeCoreappError(error)}`;
    await log({ before, requested: patch, outcome: 'mismatch', message });
    return { kind: 'coreapp_error', message };
  }
  const differs = changedKeys(input.settings, after);
  await log({ before, requested: patch, after, outcome: differs.length ? 'mismatch' : 'success' });
  return differs.length ? { kind: 'mismatch', after, differs } : { kind: 'applied', after };
}
