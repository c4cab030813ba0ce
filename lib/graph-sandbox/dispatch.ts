import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppsecretProofCheck } from './call-log';
import { DEFAULT_GRAPH_VERSION, type SandboxContext } from './context';
import {
  appsecretProofRequired,
  expiredToken,
  GraphApiError,
  invalidAppsecretProof,
  invalidToken,
  missingToken,
  permissionsError,
  revokedToken,
  unknownObject,
  unknownPath,
  wabaRateLimited,
} from './errors';
import type { FaultKind } from './faults';
import { EXPIRED_TOKEN_AT } from './fixtures/apps';
import { fbtraceId } from './ids';
import { type GraphRequest, type ParsedRequest, parseRequest } from './request';
import { runBatch } from './routes/batch';
import { debugToken } from './routes/debug-token';
import { readIds } from './routes/multi-id';
import { routeNodeCall } from './routes/node-routes';
import type { GraphCall } from './routes/types';
import type { NodeRef, TokenInfo } from './state';
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
  appsecretProof: AppsecretProofCheck;
}

/**
 * The single entry point for Graph calls, over HTTP or inside a batch: authenticate, inject faults,
 * resolve the node, enforce the (app, WABA) budget, run the handler, then add usage headers and log.
 */
export async function dispatch(ctx: SandboxContext, request: GraphRequest): Promise<GraphResponse> {
  const facts: CallFacts = { version: DEFAULT_GRAPH_VERSION, appId: null, appsecretProof: 'absent' };
  let status = 200;
  let body: unknown;
  let errorCode: number | undefined;
  try {
    body = withQuirks(ctx, await handle(ctx, request, facts));
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
    appsecretProof: facts.appsecretProof,
  });
  return { status, headers, body };
}

async function handle(ctx: SandboxContext, request: GraphRequest, facts: CallFacts): Promise<unknown> {
  const parsed = parseRequest(request);
  facts.version = parsed.version ?? DEFAULT_GRAPH_VERSION;
  const isBatch = parsed.segments.length === 0 && parsed.method === 'POST';
  // A batch may carry tokens per operation only, so its own token is optional.
  const auth = isBatch && !parsed.token ? undefined : authenticate(ctx, parsed, facts);
  facts.appId = auth?.appId ?? null;

  const [id, edge, ...rest] = parsed.segments;
  const node = id ? ctx.state.resolveNode(id) : undefined;
  if (node?.kind === 'waba') facts.wabaId = node.waba.id;
  if (node?.kind === 'phone') facts.wabaId = node.waba.id;

  facts.fault = ctx.faults.pick(request.url.pathname, parsed.method);
  if (facts.fault) throw faultError(facts.fault);

  if (isBatch) {
    const origin = request.url.origin;
    const input = {
      params: parsed.params,
      origin,
      version: facts.version,
      token: parsed.token,
      appsecretProof: parsed.appsecretProof,
    };
    return runBatch(input, (operation) => dispatch(ctx, operation));
  }
  if (!auth) throw missingToken();
  ctx.usage.countApp(auth.appId);
  const call = (target: NodeRef): GraphCall => ({
    ctx,
    request: parsed,
    auth,
    node: target,
    edge,
    render: {
      state: ctx.state,
      appId: auth.appId,
      origin: request.url.origin,
      version: facts.version,
      linkToken: parsed.tokenInQuery ? parsed.token : undefined,
      shortPages: ctx.quirks.shortPages,
    },
    baseUrl: `${request.url.origin}${request.url.pathname}`,
    query: request.url.searchParams,
  });
  if (!id && parsed.method === 'GET' && parsed.params.ids !== undefined) {
    return readIds(parsed.params, (nodeId) => {
      const target = ctx.state.resolveNode(nodeId);
      if (!target) return undefined;
      checkVisible(ctx, auth, target, parsed.method);
      checkBudget(ctx, auth, target);
      return call(target);
    });
  }
  if (!id) throw unknownObject('', parsed.method);
  if (id === 'debug_token' && !edge) return debugToken(ctx, parsed.params);
  if (!node) throw unknownObject(id, parsed.method);
  checkVisible(ctx, auth, node, parsed.method);
  if (rest.length > 0) throw unknownPath(`/${rest.join('/')}`);
  if (isReadOnlyWrite(ctx, auth, node, parsed)) throw permissionsError();
  checkBudget(ctx, auth, node);
  return routeNodeCall(call(node));
}

/** Every call on a WABA or one of its numbers counts against the (app, WABA) budget. */
function checkBudget(ctx: SandboxContext, auth: TokenInfo, node: NodeRef): void {
  if (node.kind !== 'waba' && node.kind !== 'phone') return;
  const check = ctx.usage.countWaba(auth.appId, node.waba.id);
  if (!check.allowed) throw wabaRateLimited(check.regainMinutes);
}

/**
 * The token, then its proof: Graph names a bad token before it looks at the proof. A present proof is always
 * checked; an app with "Require App Secret" refuses system-user calls without one (app tokens carry the secret).
 */
function authenticate(ctx: SandboxContext, parsed: ParsedRequest, facts: CallFacts): TokenInfo {
  if (parsed.appsecretProof) facts.appsecretProof = 'invalid';
  if (!parsed.token) throw missingToken();
  const info = ctx.state.token(parsed.token);
  if (!info) throw invalidToken();
  if (info.rejected === 'expired') throw expiredToken(EXPIRED_TOKEN_AT);
  if (info.rejected === 'revoked') throw revokedToken();
  const app = ctx.state.apps.get(info.appId);
  if (parsed.appsecretProof) {
    if (!app || !proofMatches(parsed.appsecretProof, parsed.token, app.secret)) throw invalidAppsecretProof();
    facts.appsecretProof = 'valid';
  } else if (app?.appsecretProofRequired && info.type === 'SYSTEM_USER') {
    throw appsecretProofRequired();
  }
  return info;
}

function proofMatches(proof: string, token: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(token).digest();
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(proof) ? proof : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A system user sees only its assigned businesses and their assets; the rest does not exist for it. */
function checkVisible(ctx: SandboxContext, auth: TokenInfo, node: NodeRef, method: string): void {
  if (auth.type !== 'SYSTEM_USER') return;
  const assigned = ctx.state.apps.get(auth.appId)?.businesses;
  if (!assigned || node.kind === 'app') return;
  if (ctx.state.businessesOf(node).some((id) => assigned.includes(id))) return;
  const id =
    node.kind === 'business' ? node.business.id : node.kind === 'waba' ? node.waba.id : node.phone.id;
  throw unknownObject(id, method);
}

/** Changing the webhooks of a number on a WABA shared with this app for reading only. */
function isReadOnlyWrite(
  ctx: SandboxContext,
  auth: TokenInfo,
  node: NodeRef,
  parsed: ParsedRequest,
): boolean {
  if (node.kind !== 'phone' || parsed.method !== 'POST') return false;
  if (parsed.params.webhook_configuration === undefined) return false;
  return ctx.state.apps.get(auth.appId)?.readOnlyWabas.includes(node.waba.id) ?? false;
}

/** The `successString` quirk: `{"success":true}` goes out as `{"success":"true"}`. */
function withQuirks(ctx: SandboxContext, body: unknown): unknown {
  if (!ctx.quirks.successString || typeof body !== 'object' || body === null) return body;
  return (body as { success?: unknown }).success === true ? { ...body, success: 'true' } : body;
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
