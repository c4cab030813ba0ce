/**
 * Structured logging (pino, JSON lines). Secrets are removed twice: by key (pino `redact`) and by value, so a
 * token that ends up inside a message or an error string is replaced before anything is written.
 */
import 'server-only';
import pino from 'pino';

const SECRET_KEYS = [
  'accessToken',
  'access_token',
  'token',
  'verifyToken',
  'verify_token',
  'secret',
  'appSecret',
  'password',
  'authorization',
  'cookie',
];

const redactPaths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/** Values to scrub from any string; configured once at start from the environment. */
const secretValues = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) secretValues.add(value);
}

export function scrub(text: string): string {
  let out = text;
  for (const secret of secretValues) out = out.split(secret).join('[redacted]');
  return out.replace(/([?&](?:access_token|hub\.verify_token|input_token)=)[^&\s"']+/gi, '$1[redacted]');
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return { name: value.name, message: scrub(value.message) };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'switchboard' },
  redact: { paths: redactPaths, censor: '[redacted]' },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((a) => scrubDeep(a)) as Parameters<typeof method>);
    },
  },
});
