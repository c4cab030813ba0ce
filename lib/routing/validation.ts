/**
 * Input rules for override forms and routing actions, shared by the client form (instant feedback) and the
 * server actions (the truth). No `server-only` here. Messages say what to do, not just what is wrong.
 */
import { z } from 'zod';
import {
  APP_CALLBACK_ONLY_FIELDS,
  OVERRIDE_FOLLOWING_FIELDS,
  OVERRIDE_URL_MAX_LENGTH,
} from '@/lib/graph/schemas';
import { textProblem } from '@/lib/text/text-problem';

export { OVERRIDE_URL_MAX_LENGTH };
/** Graph sets no maximum; this bound only keeps absurd input out of forms and logs. */
export const VERIFY_TOKEN_MAX_LENGTH = 512;

const HTTPS_ONLY = 'Use https:// — Meta only calls HTTPS callback URLs.';

/** Hosts a local receiver may use with http:// (WHATWG-normalised hostnames). */
export function isLoopbackHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** The first problem with a callback URL, as a sentence, or null when it is acceptable. */
export function checkOverrideCallbackUri(raw: string, allowLoopback: boolean): string | null {
  if (raw.length === 0) return 'Enter the callback URL.';
  const text = textProblem(raw, 'URL');
  if (text) return text;
  if (/\s/.test(raw)) return 'Remove the spaces — a URL cannot contain whitespace.';
  if (raw.length > OVERRIDE_URL_MAX_LENGTH) {
    return `At most ${OVERRIDE_URL_MAX_LENGTH} characters (this one has ${raw.length}).`;
  }
  if (!URL.canParse(raw)) return 'Enter a full URL, like https://example.com/webhooks/whatsapp.';
  const url = new URL(raw);
  if (url.protocol === 'http:' && allowLoopback) {
    if (!isLoopbackHostname(url.hostname)) {
      return `${HTTPS_ONLY} (http:// is accepted here only for localhost, 127.0.0.1 and [::1].)`;
    }
  } else if (url.protocol !== 'https:') {
    return HTTPS_ONLY;
  }
  if (url.username || url.password) return 'Remove the user name and password from the URL.';
  if (raw.includes('#')) return 'Remove the #fragment — it is never sent to the receiver.';
  return null;
}

/** The first problem with a verify token, or null. */
export function checkVerifyToken(raw: string): string | null {
  if (raw.length === 0) return 'Enter the verify token your receiver expects.';
  const text = textProblem(raw, 'token');
  if (text) return text;
  if (/^\s|\s$/.test(raw))
    return 'Remove the spaces at the start or end — Meta sends the token exactly as typed.';
  if (raw.length > VERIFY_TOKEN_MAX_LENGTH) {
    return `At most ${VERIFY_TOKEN_MAX_LENGTH} characters (this one has ${raw.length}).`;
  }
  return null;
}

function fromCheck(check: (value: string) => string | null, missing: string) {
  return z.string({ error: missing }).superRefine((value, ctx) => {
    const message = check(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

export const overrideCallbackUriSchema = (allowLoopback: boolean) =>
  fromCheck((v) => checkOverrideCallbackUri(v, allowLoopback), 'Enter the callback URL.');

export const verifyTokenSchema = fromCheck(checkVerifyToken, 'Enter the verify token your receiver expects.');

export const overrideInputSchema = (allowLoopback: boolean) =>
  z.object({ overrideCallbackUri: overrideCallbackUriSchema(allowLoopback), verifyToken: verifyTokenSchema });
export type OverrideInput = z.output<ReturnType<typeof overrideInputSchema>>;

/** Zod issues → `{ field: [messages] }`, the shape forms render under each field. */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

export const graphIdSchema = z.string({ error: 'Missing id.' }).regex(/^\d{1,32}$/, 'Not a valid Graph id.');

/**
 * The value a form was loaded with, for the stale check. Forms send '' for "none" (an override is never the
 * empty string: Graph omits unset tiers).
 */
export const expectedValueSchema = z
  .string()
  .nullish()
  .transform((v) => (v ? v : null));

export const setPhoneOverrideInputSchema = (allowLoopback: boolean) =>
  overrideInputSchema(allowLoopback).extend({ phoneNumberId: graphIdSchema, expected: expectedValueSchema });
export const clearPhoneOverrideInputSchema = z.object({
  phoneNumberId: graphIdSchema,
  expected: expectedValueSchema,
});
export const setWabaOverrideInputSchema = (allowLoopback: boolean) =>
  overrideInputSchema(allowLoopback).extend({ wabaId: graphIdSchema, expected: expectedValueSchema });
export const clearWabaOverrideInputSchema = z.object({
  wabaId: graphIdSchema,
  expected: expectedValueSchema,
});
export const wabaSubscriptionInputSchema = z.object({ wabaId: graphIdSchema });

const RECEIVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Receiver (and delivery, emission) ids are UUIDs; anything else is not worth a database round trip. */
export function isReceiverId(value: string): boolean {
  return RECEIVER_ID.test(value);
}

/** Managed receivers are named by their UUID; the server resolves it to a URL and verify token. */
export const receiverIdSchema = fromCheck((value) => {
  if (value.length === 0) return 'Choose a receiver.';
  return isReceiverId(value) ? null : 'Choose a receiver from the list.';
}, 'Choose a receiver.');

/**
 * Where an override form sends webhooks: a managed receiver (`target=receiver`, `receiverId`), or a typed URL
 * and verify token (`target=custom`, the default, so callers that predate the picker keep working). Only the
 * chosen branch's fields are kept.
 */
function overrideTargetSchema<Shape extends z.ZodRawShape>(allowLoopback: boolean, shape: Shape) {
  return z.discriminatedUnion('target', [
    z.object({ ...shape, target: z.literal('receiver'), receiverId: receiverIdSchema }),
    z.object({
      ...shape,
      target: z.literal('custom').default('custom'),
      overrideCallbackUri: overrideCallbackUriSchema(allowLoopback),
      verifyToken: verifyTokenSchema,
    }),
  ]);
}

/** What the *set override* server actions accept (the services below them take a resolved URL and token). */
export const setPhoneOverrideActionSchema = (allowLoopback: boolean) =>
  overrideTargetSchema(allowLoopback, { phoneNumberId: graphIdSchema, expected: expectedValueSchema });
export const setWabaOverrideActionSchema = (allowLoopback: boolean) =>
  overrideTargetSchema(allowLoopback, { wabaId: graphIdSchema, expected: expectedValueSchema });
/** *Test callback* from an override form: the same choice of target, nothing else. */
export const testCallbackActionSchema = (allowLoopback: boolean) => overrideTargetSchema(allowLoopback, {});

/** The target part of an action input, as the receiver resolver takes it. */
export type OverrideTargetInput =
  | { target: 'receiver'; receiverId: string }
  | { target: 'custom'; overrideCallbackUri: string; verifyToken: string };
export type SetPhoneOverrideActionInput = z.output<ReturnType<typeof setPhoneOverrideActionSchema>>;
export type SetWabaOverrideActionInput = z.output<ReturnType<typeof setWabaOverrideActionSchema>>;
/** *Test callback*: the same URL and token rules as saving. */
export const preflightInputSchema = overrideInputSchema;

/** Every WABA webhook field the app subscription may list (docs/graph-facts.md §1, §7). */
export const WEBHOOK_FIELDS = [...OVERRIDE_FOLLOWING_FIELDS, ...APP_CALLBACK_ONLY_FIELDS] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

/** The application tier (`POST /<APP_ID>/subscriptions`): same URL and token rules as overrides, plus fields. */
export const setAppSubscriptionInputSchema = (allowLoopback: boolean) =>
  z.object({
    callbackUrl: overrideCallbackUriSchema(allowLoopback),
    verifyToken: verifyTokenSchema,
    fields: z
      .array(z.enum(WEBHOOK_FIELDS, { error: 'Choose fields from the list.' }), {
        error: 'Choose at least one webhook field.',
      })
      .min(1, 'Choose at least one webhook field (messages, for overrides to work).')
      .transform((fields) => [...new Set(fields)].sort()),
    expected: expectedValueSchema,
  });
/** Deleting the app subscription: the person types the app id to confirm they mean every WABA. */
export const deleteAppSubscriptionInputSchema = z.object({
  confirmAppId: z.string({ error: 'Type the app id to confirm.' }).trim(),
  expected: expectedValueSchema,
});

export type SetPhoneOverrideInput = z.output<ReturnType<typeof setPhoneOverrideInputSchema>>;
export type ClearPhoneOverrideInput = z.output<typeof clearPhoneOverrideInputSchema>;
export type SetWabaOverrideInput = z.output<ReturnType<typeof setWabaOverrideInputSchema>>;
export type ClearWabaOverrideInput = z.output<typeof clearWabaOverrideInputSchema>;
export type WabaSubscriptionInput = z.output<typeof wabaSubscriptionInputSchema>;
export type SetAppSubscriptionInput = z.output<ReturnType<typeof setAppSubscriptionInputSchema>>;
export type DeleteAppSubscriptionInput = z.output<typeof deleteAppSubscriptionInputSchema>;
