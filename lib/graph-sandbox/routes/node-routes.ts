import { unknownObject } from '../errors';
import { deleteAppSubscription, listAppSubscriptions, setAppSubscription } from './app-subscriptions';
import { updatePhoneNumber } from './phone-number';
import { readEdge, readNode } from './read';
import { subscribeApp, unsubscribeApp } from './subscribed-apps';
import type { GraphCall } from './types';

type Handler = (call: GraphCall) => unknown;

/** Calls with their own handler, keyed `<node kind>/<edge or "">/<method>`; any other GET is a generic read. */
const HANDLERS: Record<string, Handler> = {
  'phone//POST': updatePhoneNumber,
  'waba/subscribed_apps/POST': subscribeApp,
  'waba/subscribed_apps/DELETE': unsubscribeApp,
  'app/subscriptions/GET': listAppSubscriptions,
  'app/subscriptions/POST': setAppSubscription,
  'app/subscriptions/DELETE': deleteAppSubscription,
};

export function routeNodeCall(call: GraphCall): unknown {
  const { method } = call.request;
  const handler = HANDLERS[`${call.node.kind}/${call.edge ?? ''}/${method}`];
  if (handler) return handler(call);
  if (method === 'GET') return call.edge ? readEdge(call, call.edge) : readNode(call);
  throw unknownObject(call.request.segments[0] ?? '', method);
}
