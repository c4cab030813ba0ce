/**
 * A small client for an On-Premises Coreapp: basic-auth login for a bearer token, cached until shortly before
 * `expires_after` (or until the Coreapp answers 401, then one fresh login), and the application settings.
 * The Coreapp usually sits on a private network, so unlike preflight this does not refuse private addresses;
 * only admins can point it somewhere, it follows no redirects, and it has one deadline per request.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { CoreappError } from './errors';
import {
  type ApplicationSettings,
  type ApplicationSettingsPatch,
  coreappErrorsSchema,
  loginResponseSchema,
  settingsResponseSchema,
} from './schemas';

export interface CoreappCredentials {
  /** Cache key: one token per deployment. */
  id: string;
  baseUrl: string;
  username: string;
  password: string;
}

export interface CoreappClientOptions {
  timeoutMs: number;
  tokenCache: TokenCache;
}

interface CachedToken {
  token: string;
  expiresAt: number;
  /** The credentials it was issued for: a changed password must not reuse it. */
  fingerprint: string;
}

/** Tokens by deployment id; one per process (lib/onprem/context.ts), tests make their own. */
export class TokenCache {
  private tokens = new Map<string, CachedToken>();
  get(id: string, fingerprint: string, now = Date.now()): string | undefined {
    const entry = this.tokens.get(id);
    return entry && entry.fingerprint === fingerprint && entry.expiresAt > now ? entry.token : undefined;
  }
  set(id: string, entry: CachedToken): void {
    this.tokens.set(id, entry);
  }
  /** The token held for a deployment, whatever its credentials (tests and diagnostics; never logged). */
  peek(id: string): string | undefined {
    return this.tokens.get(id)?.token;
  }
  forget(id: string): void {
    this.tokens.delete(id);
  }
}

/** Refresh a minute early so a token does not expire between the check and the request. */
const EXPIRY_MARGIN_MS = 60_000;

/** A hash, so the cache never holds the password itself. */
function fingerprintOf(c: CoreappCredentials): string {
  return createHash('sha256').update(`${c.baseUrl}\u0000${c.username}\u0000${c.password}`).digest('hex');
}

/** `2025-10-30 12:00:00+00:00` → epoch ms; an unreadable date is treated as "valid for five minutes". */
function parseExpiry(text: string, now: number): number {
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) ? now + 5 * 60_000 : ms;
}

async function send(
  credentials: CoreappCredentials,
  path: string,
  init: { method: string; authorization: string; body?: unknown },
  timeoutMs: number,
): Promise<{ status: number; json: unknown }> {
  let response: Response;
  try {
    response = await fetch(`${credentials.baseUrl}${path}`, {
      method: init.method,
      headers: {
        authorization: init.authorization,
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new CoreappError(timedOut ? `no answer within ${timeoutMs} ms` : 'connection failed', null);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: handled below by status; the body is never echoed.
  }
  if (response.status >= 300) {
    const parsed = coreappErrorsSchema.safeParse(json);
    const first = parsed.success ? parsed.data.errors[0] : undefined;
    throw new CoreappError(
      first?.title ?? `HTTP ${response.status}`,
      response.status,
      first?.code ?? null,
      first?.details ?? null,
    );
  }
  return { status: response.status, json };
}

function parse<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CoreappError(`unexpected ${what} answer`, 200);
  return parsed.data;
}

export function coreappClient(credentials: CoreappCredentials, options: CoreappClientOptions) {
  const fingerprint = fingerprintOf(credentials);

  async function login(): Promise<string> {
    const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
    const { json } = await send(
      credentials,
      '/v1/users/login',
      { method: 'POST', authorization: `Basic ${basic}` },
      options.timeoutMs,
    );
    const [user] = parse(loginResponseSchema, json, 'login').users;
    if (!user) throw new CoreappError('login answered no token', 200);
    const now = Date.now();
    options.tokenCache.set(credentials.id, {
      token: user.token,
      expiresAt: parseExpiry(user.expires_after, now) - EXPIRY_MARGIN_MS,
      fingerprint,
    });
    return user.token;
  }

  /** A cached token, or a new one; a 401 on a cached token (revoked, Coreapp restarted) earns one new login. */
  async function authorized(path: string, method: string, body?: unknown) {
    const cached = options.tokenCache.get(credentials.id, fingerprint);
    const attempt = (token: string) =>
      send(credentials, path, { method, authorization: `Bearer ${token}`, body }, options.timeoutMs);
    if (cached) {
      try {
        return await attempt(cached);
      } catch (error) {
        if (!(error instanceof CoreappError && error.status === 401)) throw error;
        options.tokenCache.forget(credentials.id);
      }
    }
    return attempt(await login());
  }

  return {
    login,
    async getApplicationSettings(): Promise<ApplicationSettings> {
      const { json } = await authorized('/v1/settings/application', 'GET');
      return parse(settingsResponseSchema, json, 'settings').settings.application;
    },
    /** 200 with `null` or an object is success (the seed page); the caller reads back to see what stuck. */
    async patchApplicationSettings(patch: ApplicationSettingsPatch): Promise<void> {
      await authorized('/v1/settings/application', 'PATCH', patch);
    },
  };
}

export type CoreappClient = ReturnType<typeof coreappClient>;
