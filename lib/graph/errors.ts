/**
 * The one error type of the Graph client. Every failure — a Graph error envelope, an HTTP status without one,
 * a network error, a timeout, a response that fails validation — becomes a GraphError, so callers map exactly
 * one type to user-facing sentences (docs/graph-facts.md §6). Messages are redacted when built: no token can be inside.
 */

import { redactSecrets } from './redact';
import { type GraphErrorBody, graphErrorBody } from './schemas';

/** Codes worth retrying with backoff (docs/graph-facts.md §6). */
export const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  1, 2, 4, 17, 341, 613, 80007, 80008, 131000, 131016,
]);

/** Rate-limit codes: the wait comes from `estimated_time_to_regain_access`, not only from backoff. */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 341, 613, 80007, 80008]);

/** Codes that are never transient even when a proxy wraps them in a 5xx. */
const PERMANENT_CODES: ReadonlySet<number> = new Set([10, 100, 190, 368, 2200, 131031]);

export function isTransientCode(code: number): boolean {
  return TRANSIENT_CODES.has(code);
}

export function isPermanentCode(code: number): boolean {
  return PERMANENT_CODES.has(code) || (code >= 200 && code <= 299);
}

export interface GraphErrorInit {
  message: string;
  code?: number | null;
  subcode?: number | null;
  type?: string | null;
  fbtraceId?: string | null;
  userTitle?: string | null;
  userMessage?: string | null;
  /** `error_data.details`, which often says more than `message` (e.g. which parameter). */
  details?: string | null;
  httpStatus?: number | null;
  isTransient?: boolean;
  retryAfterSeconds?: number | null;
  method: string;
  path: string;
  attempts?: number;
  cause?: unknown;
  /** Strings to remove from every text field (tokens, secrets, verify tokens). */
  secrets?: readonly string[];
}

// The Graph client is one per process (lib/server) while Next may load this module more than once, so
// `instanceof` recognises a GraphError made by any copy of the class, by a registry-wide symbol.
const GRAPH_ERROR = Symbol.for('switchboard.GraphError');

export class GraphError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && GRAPH_ERROR in value;
  }

  readonly [GRAPH_ERROR] = true;
  override name = 'GraphError';
  readonly code: number | null;
  readonly subcode: number | null;
  readonly type: string | null;
  readonly fbtraceId: string | null;
  readonly userTitle: string | null;
  readonly userMessage: string | null;
  readonly details: string | null;
  readonly httpStatus: number | null;
  readonly isTransient: boolean;
  readonly retryAfterSeconds: number | null;
  readonly method: string;
  /** The Graph path without version, query string or token, e.g. `/123/phone_numbers`. */
  readonly path: string;
  /** How many HTTP attempts were made before giving up (0 when none was sent). */
  readonly attempts: number;

  constructor(init: GraphErrorInit) {
    const secrets = init.secrets ?? [];
    const clean = (text: string | null | undefined) => (text == null ? null : redactSecrets(text, secrets));
    const path = redactSecrets(init.path.split('?')[0] ?? '', secrets);
    super(
      `Graph ${init.method} ${path} failed: ${redactSecrets(init.message, secrets)}`,
      init.cause === undefined ? undefined : { cause: sanitizeCause(init.cause, secrets) },
    );
    this.code = init.code ?? null;
    this.subcode = init.subcode ?? null;
    this.type = clean(init.type);
    this.fbtraceId = clean(init.fbtraceId);
    this.userTitle = clean(init.userTitle);
    this.userMessage = clean(init.userMessage);
    this.details = clean(init.details);
    this.httpStatus = init.httpStatus ?? null;
    this.isTransient = init.isTransient ?? false;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.method = init.method;
    this.path = path;
    this.attempts = init.attempts ?? 0;
  }

  /** The same error with another attempt count / wait, keeping everything Graph said. */
  withContext(extra: { attempts?: number; retryAfterSeconds?: number | null; message?: string }): GraphError {
    return new GraphError({
      ...this.toInit(),
      message: extra.message ?? this.graphMessage(),
      attempts: extra.attempts ?? this.attempts,
      retryAfterSeconds:
        extra.retryAfterSeconds === undefined ? this.retryAfterSeconds : extra.retryAfterSeconds,
    });
  }

  /** Graph's own message, without the `Graph <method> <path> failed:` prefix. */
  graphMessage(): string {
    const prefix = `Graph ${this.method} ${this.path} failed: `;
    return this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
  }

  /** A plain, token-free object for logs and JSON. */
  toJSON(): Record<string, unknown> {
    const { cause: _cause, message: _graphMessage, ...fields } = this.toInit();
    return { name: this.name, message: this.message, ...fields };
  }

  private toInit(): GraphErrorInit {
    return {
      message: this.graphMessage(),
      code: this.code,
      subcode: this.subcode,
      type: this.type,
      fbtraceId: this.fbtraceId,
      userTitle: this.userTitle,
      userMessage: this.userMessage,
      details: this.details,
      httpStatus: this.httpStatus,
      isTransient: this.isTransient,
      retryAfterSeconds: this.retryAfterSeconds,
      method: this.method,
      path: this.path,
      attempts: this.attempts,
      cause: this.cause,
    };
  }
}

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof GraphError;
}

/**
 * Causes (network errors from fetch) are replaced by a plain Error carrying only a redacted message and
 * code, so nothing reachable from the GraphError can hold a token (undici errors can reference the request).
 */
function sanitizeCause(cause: unknown, secrets: readonly string[]): Error {
  if (cause instanceof Error) {
    const nested = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    const copy = new Error(redactSecrets(`${cause.message}${nested}`, secrets));
    copy.name = cause.name;
    copy.stack = `${copy.name}: ${copy.message}`;
    return copy;
  }
  return new Error(redactSecrets(String(cause), secrets));
}

/** Parses a body as Graph's error envelope, or null when it is not one. */
export function parseErrorEnvelope(body: unknown): GraphErrorBody['error'] | null {
  const parsed = graphErrorBody.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

function detailsOf(errorData: unknown): string | null {
  if (errorData && typeof errorData === 'object' && 'details' in errorData) {
    const details = (errorData as { details: unknown }).details;
    return typeof details === 'string' ? details : null;
  }
  return null;
}

/** Whether a failure should be retried: listed codes, Graph's own `is_transient`, or a bare 5xx. */
export function classifyTransient(code: number | null, httpStatus: number | null, isTransientFlag?: boolean) {
  if (code !== null && isTransientCode(code)) return true;
  if (code !== null && isPermanentCode(code)) return false;
  if (isTransientFlag === true) return true;
  return httpStatus !== null && httpStatus >= 500;
}

/** Builds the GraphError for one error envelope. */
export function graphErrorFromEnvelope(
  error: GraphErrorBody['error'],
  ctx: { method: string; path: string; httpStatus: number; secrets: readonly string[] },
): GraphError {
  return new GraphError({
    message: error.message,
    code: error.code,
    subcode: error.error_subcode ?? null,
    type: error.type ?? null,
    fbtraceId: error.fbtrace_id ?? null,
    userTitle: error.error_user_title ?? null,
    userMessage: error.error_user_msg ?? null,
    details: detailsOf(error.error_data),
    httpStatus: ctx.httpStatus,
    isTransient: classifyTransient(error.code, ctx.httpStatus, error.is_transient),
    method: ctx.method,
    path: ctx.path,
    secrets: ctx.secrets,
  });
}
