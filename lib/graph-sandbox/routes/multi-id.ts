import { GraphApiError, invalidParameter } from '../errors';
import { stringParam } from '../request';
import { readNode } from './read';
import type { GraphCall } from './types';

/** Graph's cap on the ids of one multi-id read. */
export const MAX_IDS = 50;

/**
 * `GET /<version>/?ids=<a>,<b>&fields=…`: each node read as `GET /<id>?fields=…` would read it, answered as
 * one object keyed by id. One id Graph does not know fails the whole call, as on Graph.
 */
export function readIds(
  params: Record<string, unknown>,
  callFor: (id: string) => GraphCall | undefined,
): Record<string, Record<string, unknown>> {
  const ids = [
    ...new Set(
      (stringParam(params, 'ids') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) throw invalidParameter('The parameter ids is required');
  if (ids.length > MAX_IDS) throw invalidParameter(`Too many IDs. Maximum: ${MAX_IDS}.`);
  const calls = ids.map((id) => [id, callFor(id)] as const);
  const missing = calls.filter(([, call]) => !call).map(([id]) => id);
  if (missing.length > 0) {
    throw new GraphApiError({
      code: 803,
      message: `Some of the aliases you requested do not exist: ${missing.join(',')}`,
    });
  }
  return Object.fromEntries(calls.map(([id, call]) => [id, readNode(call as GraphCall)]));
}
