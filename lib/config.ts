/**
 * Every environment variable Switchboard reads, parsed once with zod.
 *
 * `getConfig()` is called from `instrumentation.ts` at server start so a bad value stops the server with a
 * message naming the variable, instead of failing on the first request. Nothing else reads `process.env`.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type EnvApp, envApps, metaAppsSchema } from '@/lib/apps/env-apps';
import { parseTrustedProxies, type TrustedProxies } from '@/lib/net/trusted-proxies';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const commaList = z
  .string()
  .min(1, 'must list at least one id')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d+$/, 'ids must be numeric')).min(1, 'must list at least one id'));

/** A base64 (or base64url) encoding of exactly 32 bytes. */
const secretKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be the base64 encoding of 32 bytes');

/** A path to a readable file holding at least one PEM block; the content is read where it is used. */
const pemFile = (kind: string) =>
  z
    .string()
    .min(1)
    .refine((v) => {
      try {
        return readFileSync(v, 'utf8').includes('-----BEGIN ');
      } catch {
        return false;
      }
    }, `must be the path of a readable PEM file (${kind})`);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Graph origin: https://graph.facebook.com live, the sandbox's URL offline. */
    GRAPH_API_BASE_URL: z.url().default('https://graph.facebook.com'),
    GRAPH_API_VERSION: z
      .string()
      .regex(/^v\d+\.0$/, 'must look like v23.0')
      .default('v23.0'),
    /** System-user token of the default app (required unless META_APPS lists the apps). */
    GRAPH_ACCESS_TOKEN: z.string().min(1, 'is required').optional(),
    GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    GRAPH_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    META_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
    /** Used for the app access token (`APP_ID|APP_SECRET`) of `/<APP_ID>/subscriptions`. */
    META_APP_SECRET: z.string().min(1).optional(),
    /** How the console names the app of the single-app variables (default `App <META_APP_ID>`). */
    META_APP_LABEL: z.string().trim().min(1).max(80).optional(),
    /**
     * Several apps on the same WABAs: a JSON array of `{ id, label, accessToken, appSecret?, default? }`
     * (lib/apps/env-apps.ts). With the single-app variables also set, those are the default app.
     */
    META_APPS: metaAppsSchema.optional(),
    META_BUSINESS_IDS: commaList,
    /** Unset: embedded PGlite in DATA_DIR. Set: PostgreSQL. */
    DATABASE_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default('.data/app'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Seeds demo users and relaxes NEXTAUTH_SECRET; never set in production. */
    SWITCHBOARD_DEMO: bool,
    /**
     * Accept `http://` callback URLs on loopback hosts (local receivers during development). Off by default:
     * Meta itself requires HTTPS.
     */
    ALLOW_LOOPBACK_CALLBACKS: bool,
    /** How long the fleet listing (WABAs, numbers, tiers) is reused between page loads; writes clear it. */
    FLEET_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    /**
     * How old the audit snapshot the overview reads may get before a background scan refreshes it (one instance
     * runs it); 0 turns the background refresh off (scans then start only from the audit page).
     */
    AUDIT_REFRESH_MINUTES: z.coerce.number().int().min(0).max(1_440).default(15),
    PREFLIGHT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5_000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /**
     * AES-256-GCM key (base64 of 32 bytes) for receiver secrets at rest. Unset in demo/development: one is
     * generated and kept next to DATA_DIR. SECRETS_KEY_PREVIOUS (comma list) still decrypts during key rotation.
     */
    SECRETS_KEY: secretKey.optional(),
    SECRETS_KEY_PREVIOUS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(secretKey)),
    /** Public origin of the managed receivers (`<origin>/api/hooks/<id>`); defaults to NEXTAUTH_URL. */
    RECEIVER_BASE_URL: z.url().optional(),
    /** How long a rotated-out app secret still verifies signatures (Meta may retry old deliveries). */
    RECEIVER_ROTATION_GRACE_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 30)
      .default(24),
    /** Deliveries (and their events) older than this are deleted by an hourly job. */
    DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** The Graph sandbox's origin, for its `/_sandbox` control calls (Send test event). Unset in live mode. */
    GRAPH_SANDBOX_CONTROL_URL: z.url().optional(),
    /** Single sign-on through any OpenID Connect provider; off unless OIDC_ISSUER is set. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Email domains allowed to sign in through SSO (comma list); empty = any domain. */
    OIDC_ALLOWED_DOMAINS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim().toLowerCase().replace(/^@/, ''))
          .filter(Boolean),
      ),
    /** Role given to people created on their first SSO sign-in. */
    OIDC_DEFAULT_ROLE: z.enum(['viewer', 'operator', 'admin']).default('viewer'),
    /**
     * Reverse proxies (CIDR list) whose X-Forwarded-For is believed for the per-IP sign-in limit, and whose
     * client-certificate header (MTLS_CLIENT_SUBJECT_HEADER) is believed for mTLS. Empty: the socket address
     * counts and the headers are ignored, so a client cannot pick a new address per attempt.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, ctx): TrustedProxies => {
        try {
          return parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
          return z.NEVER;
        }
      }),
    /** Label of the SSO button on the sign-in page. */
    OIDC_NAME: z.string().min(1).default('Single sign-on'),
    /** `npm start` serves HTTPS itself when both are set (lib/serve/main.ts). */
    TLS_CERT_FILE: pemFile('certificate chain').optional(),
    TLS_KEY_FILE: pemFile('private key').optional(),
    /**
     * CA(s) that client certificates must chain to for a receiver that requires mTLS (Meta's webhook client
     * certificate issuer). Client certificates are requested on the HTTPS port, never required by TLS itself.
     */
    MTLS_CA_FILE: pemFile('CA certificates').optional(),
    /**
     * Behind a TLS terminator: the request header that carries the verified client certificate's subject
     * (e.g. `x-client-cert-subject`). Believed only from TRUSTED_PROXIES.
     */
    MTLS_CLIENT_SUBJECT_HEADER: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.META_APPS || env.META_APP_ID || env.GRAPH_ACCESS_TOKEN) {
      for (const key of ['GRAPH_ACCESS_TOKEN', 'META_APP_ID'] as const) {
        if (!env[key])
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'is required (or list the apps in META_APPS)',
          });
      }
    }
    const apps = envApps(env, env.META_APPS ?? []);
    if (typeof apps === 'string' && env.META_APPS)
      ctx.addIssue({ code: 'custom', path: ['META_APPS'], message: apps });
    if (env.OIDC_ISSUER) {
      for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when OIDC_ISSUER is set' });
      }
    }
    if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
      const missing = env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is required with TLS_CERT_FILE and TLS_KEY_FILE',
      });
    }
    if (env.MTLS_CLIENT_SUBJECT_HEADER && env.TRUSTED_PROXIES.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRUSTED_PROXIES'],
        message: 'must list the TLS terminator(s) when MTLS_CLIENT_SUBJECT_HEADER is set',
      });
    }
    if (env.NODE_ENV === 'production' && !env.SWITCHBOARD_DEMO && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message: 'is required outside demo mode (openssl rand -base64 32)',
      });
    }
  })
  .transform((env) => {
    // Validated above: envApps returns a list here. The default app fills the single-app fields, which the
    // code that acts as "the" app (usage figures, health probe) keeps reading.
    const apps = envApps(env, env.META_APPS ?? []) as EnvApp[];
    const [main] = apps as [EnvApp, ...EnvApp[]];
    return {
      ...env,
      META_APPS: apps,
      META_APP_ID: main.id,
      GRAPH_ACCESS_TOKEN: main.accessToken,
      META_APP_SECRET: main.appSecret ?? undefined,
    };
  });

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment; exported for tests. Throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${String(issue.path[0] ?? '(env)')} ${issue.message}`);
  throw new ConfigError(`Invalid Switchboard configuration:\n${lines.join('\n')}`);
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
