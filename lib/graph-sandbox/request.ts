import { invalidParameter } from './errors';

/** One Graph call as the dispatcher sees it, whether it came over HTTP or as a batch operation. */
export interface GraphRequest {
  method: string;
  url: URL;
  rawBody: string;
  contentType: string;
  authorization?: string;
  /** Set on operations of a batch, for the call log. */
  batch?: boolean;
  /** A batch's own `appsecret_proof`, which covers operations that use the batch's token. */
  appsecretProof?: string;
}

export interface ParsedRequest {
  method: 'GET' | 'POST' | 'DELETE' | string;
  version: string | undefined;
  segments: string[];
  /** Query and body merged, body winning; JSON bodies keep their value types. */
  params: Record<string, unknown>;
  token: string | undefined;
  tokenInQuery: boolean;
  appsecretProof: string | undefined;
}

const VERSION = /^v\d+\.\d+$/;

/** Parses path, query, body and token. The token may be a query parameter, a body field or a header. */
export function parseRequest(request: GraphRequest): ParsedRequest {
  const segments = request.url.pathname.split('/').filter(Boolean).map(decodeSegment);
  const version = segments[0] && VERSION.test(segments[0]) ? segments.shift() : undefined;
  const query = Object.fromEntries(request.url.searchParams);
  const params: Record<string, unknown> = { ...query, ...parseBody(request.rawBody, request.contentType) };
  const headerToken = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(request.authorization ?? '')?.[1]?.trim();
  const bodyToken = typeof params.access_token === 'string' ? params.access_token : undefined;
  const token = query.access_token ?? bodyToken ?? headerToken;
  // Graph lets clients tunnel the verb: `POST …?method=delete`.
  const tunnelled = typeof params.method === 'string' ? params.method.toUpperCase() : undefined;
  const method =
    tunnelled && ['GET', 'POST', 'DELETE'].includes(tunnelled) ? tunnelled : request.method.toUpperCase();
  // An inherited (batch) proof belongs to the inherited token, not to one an operation brings itself.
  const inherited = token && token === headerToken ? request.appsecretProof : undefined;
  const proof = stringParam(params, 'appsecret_proof') ?? inherited;
  return {
    method,
    version,
    segments,
    params,
    token: token || undefined,
    tokenInQuery: !!query.access_token,
    appsecretProof: proof || undefined,
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is simply an id that does not exist (error 100), not a server error.
    return segment;
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw.trim()) return {};
  if (contentType.includes('json') || (!contentType && raw.trimStart().startsWith('{'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalidParameter('The request body could not be parsed as JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw invalidParameter('The request body must be a JSON object');
    }
    return parsed as Record<string, unknown>;
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Form bodies carry nested objects (webhook_configuration) and lists (batch, fields) as JSON strings. */
export function jsonParam(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter(`Param ${name} must be valid JSON`);
  }
}

export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
