/**
 * The migration bridge: for each number a deployment served, where it stands on the Cloud API now, and the
 * carry-over of the deployment's webhook URL as the number's phone override — through the routing service's
 * own set flow (validation, preflight, stale check, read-back, change log), never a write of its own.
 */
import 'server-only';
import type { Actor } from '@/lib/db/change-log';
import { describeGraphError } from '@/lib/graph/describe-error';
import { GraphError } from '@/lib/graph/errors';
import { FleetUnavailableError } from '@/lib/routing/errors';
import { getNumber, readNumberDetails } from '@/lib/routing/get-number';
import { setPhoneOverride } from '@/lib/routing/phone-override';
import { preflightCallback } from '@/lib/routing/preflight';
import { tierUrl } from '@/lib/routing/tiers';
import type { NumberDetail, NumberRoute, PreflightResult, WriteOutcome } from '@/lib/routing/types';
import type { OnpremContext } from './context';
import { type DeploymentSummary, openDeployment } from './deployments';
import { CoreappError, describeCoreappError } from './errors';
import { toWebhookSettings } from './settings';

export type BridgeStatus =
  /** On the Cloud API, and its phone override is not yet the deployment's URL. */
  | 'ready'
  /** Its phone override already is the deployment's URL. */
  | 'carried'
  /** Graph still reports `platform_type: ON_PREMISE`: migrate the number first. */
  | 'on_premises'
  /** Graph does not know it, or it is outside the configured businesses. */
  | 'unknown'
  | 'read_failed';

export interface BridgeNumber {
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  platformType: string | null;
  phoneOverride: string | null;
  /** The URL that receives its webhooks now (the winning tier), null when none. */
  effectiveUrl: string | null;
  status: BridgeStatus;
  message?: string;
}

export type BridgeView =
  | { ok: true; deployment: DeploymentSummary; webhookUrl: string; numbers: BridgeNumber[]; readAt: string }
  | { ok: false; error: 'not_found' | 'unreachable'; message: string };

function bridgeEntry(id: string, number: NumberDetail | null, webhookUrl: string): BridgeNumber {
  if (!number) {
    return {
      phoneNumberId: id,
      displayPhoneNumber: null,
      platformType: null,
      phoneOverride: null,
      effectiveUrl: null,
      status: 'unknown',
    };
  }
  const phoneOverride = tierUrl(number.tiers, 'phone_number');
  return {
    phoneNumberId: id,
    displayPhoneNumber: number.displayPhoneNumber,
    platformType: number.platformType,
    phoneOverride,
    effectiveUrl: number.resolution.url,
    status:
      number.platformType === 'ON_PREMISE'
        ? 'on_premises'
        : webhookUrl !== '' && phoneOverride === webhookUrl
          ? 'carried'
          : 'ready',
  };
}

async function bridgeNumber(ctx: OnpremContext, id: string, webhookUrl: string): Promise<BridgeNumber> {
  try {
    return bridgeEntry(id, await getNumber(ctx.routing, id), webhookUrl);
  } catch (error) {
    if (!(error instanceof GraphError || error instanceof FleetUnavailableError)) throw error;
    return {
      ...bridgeEntry(id, null, webhookUrl),
      status: 'read_failed',
      message: describeGraphError(error).message,
    };
  }
}

/** Every number of a deployment in one multi-id read; if Graph refuses it, one by one so the culprit is named. */
async function bridgeNumbers(
  ctx: OnpremContext,
  ids: readonly string[],
  webhookUrl: string,
): Promise<BridgeNumber[]> {
  const details = await readNumberDetails(ctx.routing, ids).catch((error: unknown) => {
    if (error instanceof GraphError || error instanceof FleetUnavailableError) return null;
    throw error;
  });
  const numbers: BridgeNumber[] = [];
  for (const id of ids) {
    const detail = details?.get(id);
    numbers.push(detail ? bridgeEntry(id, detail, webhookUrl) : await bridgeNumber(ctx, id, webhookUrl));
  }
  return numbers;
}

/** Reads the deployment's webhook URL live from its Coreapp, and each of its numbers from Graph. */
export async function readBridge(ctx: OnpremContext, deploymentId: string): Promise<BridgeView> {
  const opened = await openDeployment(ctx, deploymentId);
  if (!opened) return { ok: false, error: 'not_found', message: 'No such On-Premises deployment.' };
  let webhookUrl: string;
  try {
    webhookUrl = toWebhookSettings(await opened.client.getApplicationSettings()).webhookUrl;
  } catch (error) {
    if (!(error instanceof CoreappError)) throw error;
    return { ok: false, error: 'unreachable', message: describeCoreappError(error) };
  }
  const numbers = await bridgeNumbers(ctx, opened.deployment.phoneNumberIds, webhookUrl);
  return { ok: true, deployment: opened.deployment, webhookUrl, numbers, readAt: new Date().toISOString() };
}

export interface CarryOverInput {
  deploymentId: string;
  phoneNumberId: string;
  /** The Coreapp has no verify token; Meta requires one for an override, so the person supplies it. */
  verifyToken: string;
  /** The phone override the page showed (null: none), for the routing service's stale check. */
  expected: string | null;
}

export type CarryOverOutcome =
  | { kind: 'written'; url: string; outcome: WriteOutcome<NumberRoute> }
  | { kind: 'refused'; message: string };

async function carryTarget(
  ctx: OnpremContext,
  deploymentId: string,
): Promise<{ ok: true; url: string; deployment: DeploymentSummary } | { ok: false; message: string }> {
  const view = await readBridge(ctx, deploymentId);
  if (!view.ok) return { ok: false, message: view.message };
  if (view.webhookUrl === '')
    return { ok: false, message: 'This deployment has no webhook URL to carry over.' };
  return { ok: true, url: view.webhookUrl, deployment: view.deployment };
}

export async function carryOver(
  ctx: OnpremContext,
  input: CarryOverInput,
  actor: Actor,
): Promise<CarryOverOutcome> {
  const target = await carryTarget(ctx, input.deploymentId);
  if (!target.ok) return { kind: 'refused', message: target.message };
  if (!target.deployment.phoneNumberIds.includes(input.phoneNumberId)) {
    return { kind: 'refused', message: 'This deployment did not serve that number.' };
  }
  const number = await bridgeNumber(ctx, input.phoneNumberId, target.url);
  if (number.status === 'on_premises') {
    return {
      kind: 'refused',
      message: 'Graph still reports this number on the On-Premises API: migrate it to the Cloud API first.',
    };
  }
  const outcome = await setPhoneOverride(
    ctx.routing,
    {
      phoneNumberId: input.phoneNumberId,
      overrideCallbackUri: target.url,
      verifyToken: input.verifyToken,
      expected: input.expected,
    },
    actor,
  );
  return { kind: 'written', url: target.url, outcome };
}

export interface BulkCarryItem {
  phoneNumberId: string;
  result: 'applied' | 'skipped' | 'failed';
  message: string;
}

export type BulkCarryOutcome =
  | { kind: 'done'; url: string; items: BulkCarryItem[] }
  | { kind: 'preflight_failed'; preflight: PreflightResult }
  | { kind: 'refused'; message: string };

function describeWrite(outcome: WriteOutcome<NumberRoute>): Omit<BulkCarryItem, 'phoneNumberId'> {
  switch (outcome.kind) {
    case 'applied':
      return { result: 'applied', message: 'Phone override set and read back.' };
    case 'mismatch':
      return {
        result: 'failed',
        message: `Graph reports ${outcome.reported ?? 'no override'} after the write.`,
      };
    case 'stale':
      return { result: 'failed', message: 'Its phone override changed while the job ran.' };
    case 'preflight_failed':
      return { result: 'failed', message: outcome.preflight.explanation };
    case 'graph_error':
      return { result: 'failed', message: outcome.error.message };
    case 'refused':
      return { result: 'failed', message: outcome.message };
    case 'unverified':
      // Graph took the write; only the read-back failed, so the override is in place (as bulk re-routing counts it).
      return { result: 'applied', message: `Applied, not verified: ${outcome.error.message}` };
  }
}

/**
 * Every ready number of the deployment, one after another through the same set flow. The URL is preflighted
 * once with the given verify token (as the audit's bulk re-route does), not once per number.
 */
export async function carryOverAll(
  ctx: OnpremContext,
  input: { deploymentId: string; verifyToken: string },
  actor: Actor,
): Promise<BulkCarryOutcome> {
  const view = await readBridge(ctx, input.deploymentId);
  if (!view.ok) return { kind: 'refused', message: view.message };
  if (view.webhookUrl === '')
    return { kind: 'refused', message: 'This deployment has no webhook URL to carry over.' };
  const preflight = await preflightCallback(
    ctx.routing,
    { url: view.webhookUrl, verifyToken: input.verifyToken },
    actor,
  );
  if (!preflight.ok) return { kind: 'preflight_failed', preflight };
  const items: BulkCarryItem[] = [];
  for (const number of view.numbers) {
    if (number.status !== 'ready') {
      const why: Record<Exclude<BridgeStatus, 'ready'>, string> = {
        carried: 'Already carried over.',
        on_premises: 'Still on the On-Premises API.',
        unknown: 'Graph does not know this number here.',
        read_failed: number.message ?? 'Could not be read.',
      };
      items.push({ phoneNumberId: number.phoneNumberId, result: 'skipped', message: why[number.status] });
      continue;
    }
    const outcome = await setPhoneOverride(
      ctx.routing,
      {
        phoneNumberId: number.phoneNumberId,
        overrideCallbackUri: view.webhookUrl,
        verifyToken: input.verifyToken,
        expected: number.phoneOverride,
      },
      actor,
      { preflighted: preflight },
    );
    items.push({ phoneNumberId: number.phoneNumberId, ...describeWrite(outcome) });
  }
  return { kind: 'done', url: view.webhookUrl, items };
}
