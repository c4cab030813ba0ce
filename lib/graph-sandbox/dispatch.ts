import { DEFAULT_GRAPH_VERSION, type SandboxContext } from './context';
import {
  GraphApiError,
  invalidToken,
  missingToken,
  unknownObject,
  unknownPath,
  wabaRateLimited,
} from './errors';
import type { FaultKind } from './faults';
import { fbtraceId } from './ids';
import { type GraphRequest, type ParsedRequest, parseRequest } from './request';
import { runBatch } from './routes/batch';
import { debugToken } from './routes/debug-token';
import { routeNodeCall } from './routes/node-routes';
import type { TokenInfo } from './state';
import { businessUseCaseHeader } from './usage';

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What is learnt about a call while handling it, for its headers and its log entry. */
interface CallFacts {
  version: string;
  appId: string | null;
  wabaId?: string;
  fault?: FaultKind;
}

/**
 * The single entry point for Graph calls, over HTTP or inside a batch: authenticate, inject faults,
 * resolve the node, enforce the (app, WABA) budget, run the handler, then add usage headers and log.
 */
export async function dispatch(ctx: SandboxContext, request: GraphRequest): Promise<GraphResponse> {
  const facts: CallFacts = { version: DEFAULT_GRAPH_VERSION, appId: null };
  let status = 200;
  let body: unknown;
  let errorCode: number | undefined;
  try {
    body = await handle(ctx, request, facts);
  } catch (error) {
    const graphError =
      error instanceof GraphApiError
        ? error
        : new GraphApiError({ code: 1, message: 'An unknown error has occurred.', isTransient: true });
    status = graphError.status;
    body = graphError.body();
    errorCode = graphError.code;
  }
  const headers = responseHeaders(ctx, facts);
  ctx.log.add({
    at: new Date().toISOString(),
    method: request.method.toUpperCase(),
    path: request.url.pathname,
    appId: facts.appId,
    status,
    ...(errorCode !== undefined && { errorCode }),
    ...(request.batch && { batch: true }),
  });
  return { status, headers, body };
}

async function handle(ctx: SandboxContext, request: GraphRequest, facts: CallFacts): Promise<unknown> {
  const parsed = parseRequest(request);
  facts.version = parsed.version ?? DEFAULT_GRAPH_VERSION;
  const isBatch = parsed.segments.length === 0 && parsed.method === 'POST';
  // A batch may carry tokens per operation only, so its own token is optional.
  const auth = isBatch && !parsed.token ? undefined : authenticate(ctx, parsed);
  facts.appId = auth?.appId ?? null;

  const [id, edge, ...rest] = parsed.segments;
  const node = id ? ctx.state.resolveNode(id) : undefined;
  if (node?.kind === 'waba') facts.wabaId = node.waba.id;
  if (node?.kind === 'phone') facts.wabaId = node.waba.id;

  facts.fault = ctx.faults.pick(request.url.pathname);
  if (facts.fault) throw faultError(facts.fault);

  if (isBatch) {
    const origin = request.url.origin;
    const input = { params: parsed.params, origin, version: facts.version, token: parsed.token };
    return runBatch(input, (operation) => dispatch(ctx, operation));
  }
  if (!auth) throw missingToken();
  ctx.usage.countApp(auth.appId);
  if (!id) throw unknownObject('', parsed.method);
  if (id === 'debug_token' && !edge) return debugToken(ctx, parsed.params);
  if (!node) throw unknownObject(id, parsed.method);
  if (rest.length > 0) throw unknownPath(`/${rest.join('/')}`);
  if (facts.wabaId) {
    const check = ctx.usage.countWaba(auth.appId, facts.wabaId);
    if (!check.allowed) throw wabaRateLimited(check.regainMinutes);
  }
  return routeNodeCall({
    ctx,
    request: parsed,
    auth,
    node,
    edge,
    render: {
      state: ctx.state,
      appId: auth.appId,
      origin: request.url.origin,
      version: facts.version,
      linkToken: parsed.tokenInQuery ? parsed.token : undefined,
    },
    baseUrl: `${request.url.origin}${request.url.pathname}`,
    query: request.url.searchParams,
  });
}

function authenticate(ctx: SandboxContext, parsed: ParsedRequest): TokenInfo {
  if (!parsed.token) throw missingToken();
  const info = ctx.state.token(parsed.token);
  if (!info) throw invalidToken();
  return info;
}

function faultError(kind: FaultKind): GraphApiError {
  if (kind === 'code80008') return wabaRateLimited(0);
  if (kind === 'code2')
    return new GraphApiError({ code: 2, message: 'Service temporarily unavailable', isTransient: true });
  return new GraphApiError({ code: 1, message: 'An unknown error has occurred.', isTransient: true });
}

function responseHeaders(ctx: SandboxContext, facts: CallFacts): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=UTF-8',
    'facebook-api-version': facts.version,
    'x-fb-trace-id': fbtraceId(),
  };
  if (facts.appId) headers['x-app-usage'] = ctx.usage.appHeader(facts.appId);
  if (facts.fault === 'code80008') {
    // Injected throttling: the budget looks spent but regains at once, so clients can retry quickly.
    const objectId = facts.wabaId ?? facts.appId ?? 'unknown';
    headers['x-business-use-case-usage'] = businessUseCaseHeader(objectId, {
      percent: 100,
      regainMinutes: 0,
    });
  } else if (facts.appId && facts.wabaId) {
    headers['x-business-use-case-usage'] = ctx.usage.wabaHeader(facts.appId, facts.wabaId);
  }
  return headers;
}
