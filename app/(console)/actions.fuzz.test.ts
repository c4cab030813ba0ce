/**
 * Fuzzes every server action that takes input: the exported actions themselves (wrapper → session re-read from
 * the database → permission table → zod → service) against a real Graph sandbox over HTTP and an in-memory
 * PGlite, configured through the same environment variables as the app. Only the two calls bound to a Next
 * request are replaced: next-auth's `getServerSession` (which reads the request's cookie; here it names the test
 * user, whose role is still read from the database) and `revalidatePath` (which needs Next's cache store).
 *
 * Properties: hostile input never throws, never yields a 500 and never reaches a Graph write; a hostile value in
 * a field is refused with that field named; valid input is not refused by validation. Valid input of the actions
 * that write to Graph stops before the write, by design of the inputs: callback URLs (typed, or a managed
 * receiver's under RECEIVER_BASE_URL) whose preflight fails at once (a local 404 or a closed port), ids outside
 * the fleet, a stale `expected`, or an app id typed wrong. So the run still ends with no Graph write.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAppInputSchema, removeAppInputSchema } from '@/lib/apps/manage';
import type { ActionResult } from '@/lib/auth/safe-action';
import { changeLog, ROLES } from '@/lib/db/schema';
import { createUser } from '@/lib/db/users';
import { EMITTABLE_FIELDS } from '@/lib/graph/schemas';
import { type CoreappDeploymentView, sandboxClient } from '@/lib/graph-sandbox/client';
import type { RunningSandbox } from '@/lib/graph-sandbox/server';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { testEventInputSchema } from '@/lib/receivers/test-event';
import { appSubscriptionValue, getAppTier } from '@/lib/routing/app-subscription';
import { readAgainInputSchema } from '@/lib/routing/read-again';
import { startReceiver, type TestReceiver } from '@/lib/routing/test-support';
import { ROUTING_ACTIONS } from '@/lib/routing/types';
import {
  clearPhoneOverrideInputSchema,
  clearWabaOverrideInputSchema,
  deleteAppSubscriptionInputSchema,
  setAppSubscriptionInputSchema,
  setPhoneOverrideActionSchema,
  setWabaOverrideActionSchema,
  testCallbackActionSchema,
  WEBHOOK_FIELDS,
  wabaSubscriptionInputSchema,
} from '@/lib/routing/validation';
import { getAppTierContext, getDb } from '@/lib/server';
import {
  anyString,
  anyValue,
  asText,
  badCallbackUrl,
  badEnum,
  badGraphId,
  badUuid,
  badVerifyToken,
  POLLUTING_KEYS,
  toFormData,
  withControlChar,
} from '@/lib/testing/hostile';
import { clearPhoneOverrideAction } from './_actions/clear-phone-override';
import { clearWabaOverrideAction } from './_actions/clear-waba-override';
import { readAgainAction } from './_actions/read-again';
import { setPhoneOverrideAction } from './_actions/set-phone-override';
import { setWabaOverrideAction } from './_actions/set-waba-override';
import { subscribeAppAction } from './_actions/subscribe-app';
import { testCallbackAction } from './_actions/test-callback';
import { unsubscribeAppAction } from './_actions/unsubscribe-app';
import { previewBulkRerouteAction } from './audit/_actions/preview-bulk-reroute';
import { retryBulkJobAction } from './audit/_actions/retry-bulk-job';
import { bulkSelectionSchema, retryBulkSchema, startBulkSchema } from './audit/_actions/schemas';
import { startAuditScanAction } from './audit/_actions/start-audit-scan';
import { startBulkRerouteAction } from './audit/_actions/start-bulk-reroute';
import { carryOverDeploymentAction } from './on-premises/_actions/carry-over-deployment';
import { carryOverNumberAction } from './on-premises/_actions/carry-over-number';
import { changeDeploymentSettingsAction } from './on-premises/_actions/change-deployment-settings';
import { registerDeploymentAction } from './on-premises/_actions/register-deployment';
import {
  carryOverAllSchema,
  carryOverSchema,
  changeSettingsSchema,
  registerDeploymentSchema,
} from './on-premises/_actions/schemas';
import { createReceiverAction } from './receivers/_actions/create-receiver';
import { deleteReceiverAction } from './receivers/_actions/delete-receiver';
import { rotateReceiverSecretAction } from './receivers/_actions/rotate-receiver-secret';
import {
  createReceiverSchema,
  deleteReceiverSchema,
  rotateReceiverSecretSchema,
  setReceiverRequireMtlsSchema,
} from './receivers/_actions/schemas';
import { sendTestEventAction } from './receivers/_actions/send-test-event';
import { setReceiverRequireMtlsAction } from './receivers/_actions/set-receiver-require-mtls';
import { addMetaAppAction } from './settings/_actions/add-meta-app';
import { deleteAppSubscriptionAction } from './settings/_actions/delete-app-subscription';
import { removeMetaAppAction } from './settings/_actions/remove-meta-app';
import { setAppSubscriptionAction } from './settings/_actions/set-app-subscription';
import { changeUserRoleAction } from './users/_actions/change-user-role';
import { createUserAction } from './users/_actions/create-user';
import { changeUserRoleSchema, createUserSchema, setUserDisabledSchema } from './users/_actions/schemas';
import { setUserDisabledAction } from './users/_actions/set-user-disabled';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => {},
}));

/**
 * Inputs per action and property. The hostile properties keep half again fast-check's default of 100, and each
 * case's `validRuns` is halved: the file was a quarter of the unit suite's time, most of it valid inputs waiting
 * on a preflight. FUZZ_SCALE=2 (or more) brings back the earlier depth for a local soak.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const HOSTILE_RUNS = Math.ceil(150 * SCALE);
const FIELD_RUNS = Math.ceil(150 * SCALE);
const ROLE_RUNS = Math.ceil(25 * SCALE);
const VALID_SCALE = SCALE / 2;

type Action = (input: never) => Promise<ActionResult<unknown>>;
type Input = Record<string, unknown>;

interface Case {
  name: string;
  action: Action;
  /** The fields the action's schema declares, so fields added later are fuzzed too. */
  fields: string[];
  /** Values each field must refuse (fields missing here still get the generic hostile values). */
  bad: Record<string, fc.Arbitrary<unknown>>;
  valid: () => fc.Arbitrary<Input>;
  /** How many valid inputs to try: those that reach Graph or bcrypt cost more. */
  validRuns: number;
  /** Fewer whole-junk inputs where many of them are valid and slow (bcrypt at cost 12 for createUser). */
  junkScale?: number;
  /** Valid input survives FormData (no nested objects). */
  formData: boolean;
  /**
   * Some fields are checked by the service (`{ kind: 'refused', fieldErrors }`), which the action wrapper returns
   * as `{ ok: false, status: 422, fieldErrors }` with the service's own message.
   */
  serviceChecked?: string[];
}

let sandbox: RunningSandbox;
let receiver: TestReceiver;
const ids = { admin: '', viewer: '', receiver: '', app: '', secondApp: '', deployment: '' };
/**
 * The sandbox Coreapp registered before the run (its webhook URL pointed at a local 404, so a carry-over's
 * preflight fails at once), another one never registered, and every Coreapp's settings when the run starts.
 */
let registered: CoreappDeploymentView;
let unregistered: CoreappDeploymentView;
let coreappBefore: CoreappDeploymentView[] = [];
/** The application tier's compared value when the run starts (null: no app subscription). */
let appTierValue: string | null = null;

const digits = fc.stringMatching(/^[1-9]\d{0,31}$/);
/** Text without control characters, `min`–`max` UTF-16 units long, cut at whole code points (no filter spins). */
const printable = (min: number, max: number) =>
  fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).map((raw) => {
    const chars = Array.from(raw.replace(/[\p{Cc}\s]/gu, 'x'));
    while (chars.join('').length > max) chars.pop();
    return chars.join('').padEnd(min, 'x');
  });
/** URLs that pass validation but whose preflight fails fast (a local 404), so nothing is ever written. */
const goodUrl = () =>
  fc
    .tuple(
      fc.constantFrom('http', 'https'),
      fc.constantFrom('127.0.0.1', 'localhost', '[::1]'),
      fc.array(fc.stringMatching(/^[\w.~-]{1,12}$/), { maxLength: 4 }),
      fc.option(fc.stringMatching(/^[\w=&.-]{1,30}$/), { nil: undefined }),
    )
    .map(([scheme, host, path, query]) => {
      const port = scheme === 'http' && host === '127.0.0.1' ? new URL(receiver.url).port : '9';
      return `${scheme}://${host}:${port}/missing/${path.join('/')}${query ? `?${query}` : ''}`;
    });
const goodToken = printable(1, 512);
const expected = fc.oneof(fc.constant(''), fc.constant(null), fc.constant(undefined), printable(1, 60));
const phoneIds = () =>
  fc.oneof(
    digits,
    fc.constantFrom(
      ...Object.values(sandbox.fixture.scenarios).flatMap((s) =>
        s && 'phoneNumberId' in s ? [s.phoneNumberId] : [],
      ),
    ),
  );
const wabaIds = () =>
  fc.oneof(
    digits,
    fc.constantFrom(
      ...Object.values(sandbox.fixture.scenarios).flatMap((s) => (s && 'wabaId' in s ? [s.wabaId] : [])),
    ),
  );
/** Any text but a control or broken character (bulk selections refuse those; other bad values are dropped). */
const filterText = anyString.map((s) => s.replace(/[\p{Cc}\p{Cs}]/gu, 'x'));
const filter = fc.record(
  {
    winner: fc.constantFrom('phone_number', 'whatsapp_business_account', 'application', 'none', 'bogus'),
    q: filterText,
    url: filterText,
    waba: filterText,
    drift: fc.constantFrom('1', '0', ''),
    sort: fc.constantFrom('number', 'url', '__proto__'),
    dir: fc.constantFrom('asc', 'desc', ''),
  },
  { requiredKeys: [] },
);
/** A selection whose free text holds a control or broken character: U+0000 reached PostgreSQL (a 500). */
const brokenFilter = fc
  .tuple(
    fc.constantFrom('q', 'url', 'waba'),
    fc.oneof(
      // A line break at either end is trimmed away, as a pasted value's would be.
      withControlChar('example.com').filter((v) => v.trim() === v),
      fc.constantFrom('\ud83d', 'a\udc00b', '\u0000'),
    ),
  )
  .map(([key, value]) => ({ [key]: value }));
const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);
/** The fields of every branch (the override actions' `target`: a managed receiver or a typed URL and token). */
const keysOfUnion = (schema: { options: readonly { shape: object }[] }) => [
  ...new Set(schema.options.flatMap((o) => Object.keys(o.shape))),
];
const badTarget = badEnum(['receiver', 'custom']);
/** Malformed receiver ids, and well-formed ones of no receiver (the action's resolver refuses those). */
const badReceiverId = fc.oneof(badUuid, fc.uuid({ version: 4 }));
/** Valid input may leave `target` out: it defaults to a typed URL and token. */
const customTarget = fc.option(fc.constant('custom'), { nil: undefined });
/** The fields the application tier may list, repeated and unsorted as a client might send them. */
const webhookFields = fc.array(fc.constantFrom(...WEBHOOK_FIELDS), { minLength: 1, maxLength: 8 });
const badWebhookFields: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom([], ['bogus'], ['MESSAGES'], ['messages '], [null], [1], ['messages', 'nope'], 'messages'),
  fc.array(
    fc.string().filter((f) => !(WEBHOOK_FIELDS as readonly string[]).includes(f)),
    { minLength: 1, maxLength: 3 },
  ),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);

/** Hostile URLs that stay hostile once trimmed (the On-Premises forms trim URLs before checking them). */
const badTrimmedUrl = badCallbackUrl.filter((v) => typeof v !== 'string' || (v !== '' && v.trim() === v));
/** A registered deployment, or ids of none. */
const deploymentIds = () =>
  fc.oneof(
    fc.uuid({ version: 4 }),
    fc.constant(null).map(() => ids.deployment),
  );
const delay = fc.oneof(
  fc.integer({ min: 0, max: 86_400_000 }),
  fc.integer({ min: 0, max: 86_400_000 }).map(String),
);
/** Coreapp settings a form may send: the URL empty (webhooks off) or one whose host answers 404. */
const coreappSettings = () =>
  fc
    .record({
      webhookUrl: fc.oneof(fc.constant(''), goodUrl()),
      callbackPersist: fc.boolean(),
      messageSent: fc.boolean(),
      messageDelivered: fc.boolean(),
      messageRead: fc.boolean(),
      callbackBackoffDelayMs: delay,
      maxCallbackBackoffDelayMs: delay,
      maxConcurrentRequests: fc.constantFrom(6, 12, 18, 24, '6', '24'),
    })
    .map((v) =>
      Number(v.maxCallbackBackoffDelayMs) >= Number(v.callbackBackoffDelayMs)
        ? v
        : { ...v, maxCallbackBackoffDelayMs: v.callbackBackoffDelayMs },
    );
const badCoreappSettings: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 'https://example.com/hook', [], 1),
  fc
    .tuple(
      fc.constant(null).chain(() => coreappSettings()),
      fc.oneof(
        badTrimmedUrl.map((webhookUrl) => ({ webhookUrl })),
        fc.constantFrom(
          { maxConcurrentRequests: 7 },
          { maxConcurrentRequests: 'six' },
          { callbackBackoffDelayMs: -1 },
          { callbackBackoffDelayMs: 'soon' },
          { callbackBackoffDelayMs: 1.5 },
          { maxCallbackBackoffDelayMs: 86_400_001 },
          { callbackPersist: 'yes' },
          { messageRead: null },
          { callbackBackoffDelayMs: 5_000, maxCallbackBackoffDelayMs: 4_999 },
        ),
      ),
    )
    .map(([valid, bad]) => ({ ...valid, ...bad })),
);
const badPlainText = (max: number) =>
  fc.oneof(
    fc.constantFrom('', '   ', '\n\t', null, 7),
    fc.constant('n'.repeat(max + 1)),
    withControlChar('admin').filter((v) => v.trim() === v),
    fc.constantFrom('a\ud83db', '\udc00'),
  );

/** A set-override action twice: with a typed URL and token, and with a managed receiver picked. */
function setOverrideCases(
  name: string,
  action: Action,
  schema: Parameters<typeof keysOfUnion>[0],
  target: { key: string; ids: () => fc.Arbitrary<string> },
): Case[] {
  const fields = keysOfUnion(schema);
  return [
    {
      name,
      action,
      fields,
      bad: {
        overrideCallbackUri: badCallbackUrl,
        verifyToken: badVerifyToken,
        [target.key]: badGraphId,
        target: badTarget,
      },
      valid: () =>
        fc.record({
          [target.key]: target.ids(),
          target: customTarget,
          overrideCallbackUri: goodUrl(),
          verifyToken: goodToken,
          expected,
        }),
      validRuns: 150,
      formData: true,
    },
    {
      name: `${name} (receiver)`,
      action,
      fields,
      bad: { [target.key]: badGraphId, target: badTarget, receiverId: badReceiverId },
      valid: () =>
        fc.record({
          [target.key]: target.ids(),
          target: fc.constant('receiver'),
          receiverId: fc.constant(ids.receiver),
          expected,
        }),
      validRuns: 60,
      formData: true,
    },
  ];
}

/**
 * The routing writes name their app (`appId`, optional: the default app without it). A malformed id or one no
 * configuration knows is refused on `appId` before anything reaches Graph; valid inputs sometimes act as the
 * second configured app (apps[1], through META_APPS).
 */
const PER_APP_ACTIONS = new Set([
  'setPhoneOverride',
  'setPhoneOverride (receiver)',
  'setWabaOverride',
  'setWabaOverride (receiver)',
  'clearPhoneOverride',
  'clearWabaOverride',
  'subscribeApp',
  'unsubscribeApp',
  'setAppSubscription',
  'deleteAppSubscription',
]);
const badAppId = fc.oneof(
  fc.constantFrom('999999999999', 'abc', '1'.repeat(40), ' 1', '-1'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((v) => !/^\d{1,32}$/.test(v)),
);

function perApp(c: Case): Case {
  if (!PER_APP_ACTIONS.has(c.name)) return c;
  const valid = c.valid;
  return {
    ...c,
    bad: { ...c.bad, appId: badAppId },
    serviceChecked: [...(c.serviceChecked ?? []), 'appId'],
    valid: () =>
      valid().chain((input) =>
        fc
          .constantFrom(input, { ...input, appId: '' })
          .chain((v) =>
            fc
              .constant(null)
              .map(() => (ids.secondApp && Math.random() < 0.3 ? { ...v, appId: ids.secondApp } : v)),
          ),
      ),
  };
}

function cases(): Case[] {
  return baseCases().map(perApp);
}

function baseCases(): Case[] {
  const overrideBad = { overrideCallbackUri: badCallbackUrl, verifyToken: badVerifyToken };
  return [
    ...setOverrideCases(
      'setPhoneOverride',
      setPhoneOverrideAction as Action,
      setPhoneOverrideActionSchema(true),
      {
        key: 'phoneNumberId',
        ids: phoneIds,
      },
    ),
    ...setOverrideCases(
      'setWabaOverride',
      setWabaOverrideAction as Action,
      setWabaOverrideActionSchema(true),
      {
        key: 'wabaId',
        ids: wabaIds,
      },
    ),
    {
      name: 'clearPhoneOverride',
      action: clearPhoneOverrideAction as Action,
      fields: keysOf(clearPhoneOverrideInputSchema),
      bad: { phoneNumberId: badGraphId },
      valid: () => fc.record({ phoneNumberId: phoneIds(), expected }),
      validRuns: 150,
      formData: true,
    },
    {
      name: 'clearWabaOverride',
      action: clearWabaOverrideAction as Action,
      fields: keysOf(clearWabaOverrideInputSchema),
      bad: { wabaId: badGraphId },
      valid: () => fc.record({ wabaId: wabaIds(), expected }),
      validRuns: 150,
      formData: true,
    },
    // Valid subscription inputs use ids outside the fleet: a fixture id would (rightly) be written.
    {
      name: 'subscribeApp',
      action: subscribeAppAction as Action,
      fields: keysOf(wabaSubscriptionInputSchema),
      bad: { wabaId: badGraphId },
      valid: () => fc.record({ wabaId: digits }),
      validRuns: 100,
      formData: true,
    },
    {
      name: 'unsubscribeApp',
      action: unsubscribeAppAction as Action,
      fields: keysOf(wabaSubscriptionInputSchema),
      bad: { wabaId: badGraphId },
      valid: () => fc.record({ wabaId: digits }),
      validRuns: 100,
      formData: true,
    },
    // A read only: ids outside the fleet answer "not found", the app tier is read, nothing is written.
    {
      name: 'readAgain',
      action: readAgainAction as Action,
      fields: keysOf(readAgainInputSchema),
      bad: { targetId: badGraphId },
      valid: () => fc.record({ action: fc.constantFrom(...ROUTING_ACTIONS), targetId: digits }),
      validRuns: 40,
      formData: true,
    },
    {
      name: 'testCallback',
      action: testCallbackAction as Action,
      fields: keysOfUnion(testCallbackActionSchema(true)),
      bad: { ...overrideBad, target: badTarget },
      valid: () =>
        fc.record({ target: customTarget, overrideCallbackUri: goodUrl(), verifyToken: goodToken }),
      validRuns: 150,
      formData: true,
    },
    {
      name: 'testCallback (receiver)',
      action: testCallbackAction as Action,
      fields: keysOfUnion(testCallbackActionSchema(true)),
      bad: { target: badTarget, receiverId: badReceiverId },
      valid: () => fc.record({ target: fc.constant('receiver'), receiverId: fc.constant(ids.receiver) }),
      validRuns: 30,
      formData: true,
    },
    // The application tier: a valid set is stale or fails its preflight; a valid delete is stale, has the app
    // id typed wrong, or finds no subscription. Its `fields` are a list, which the form sends as an object.
    {
      name: 'setAppSubscription',
      action: setAppSubscriptionAction as Action,
      fields: keysOf(setAppSubscriptionInputSchema(true)),
      bad: { callbackUrl: badCallbackUrl, verifyToken: badVerifyToken, fields: badWebhookFields },
      valid: () =>
        fc.record({
          callbackUrl: goodUrl(),
          verifyToken: goodToken,
          fields: webhookFields,
          // The current value too, so the preflight is reached (and fails).
          expected: fc.oneof(expected, fc.constant(appTierValue)),
        }),
      validRuns: 100,
      formData: false,
    },
    {
      name: 'deleteAppSubscription',
      action: deleteAppSubscriptionAction as Action,
      fields: keysOf(deleteAppSubscriptionInputSchema),
      bad: {
        confirmAppId: fc.oneof(
          fc.string().filter((typed) => typed.trim() !== ids.app),
          fc.constant(null),
          fc.constant(undefined),
          fc.integer(),
          fc.constant(null).map(() => [ids.app]),
        ),
      },
      serviceChecked: ['confirmAppId'],
      valid: () =>
        fc.record({
          confirmAppId: fc.oneof(
            fc.constant(ids.app),
            fc.constant(` ${ids.app}\n`),
            digits,
            printable(0, 40),
          ),
          // Never the current value: with the app id typed right, that would delete the subscription.
          expected: expected.filter((v) => appTierValue === null || v !== appTierValue),
        }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'previewBulkReroute',
      action: previewBulkRerouteAction as Action,
      fields: keysOf(bulkSelectionSchema),
      bad: {
        scanId: badUuid,
        action: badEnum(['phone_override.set', 'phone_override.clear']),
        filter: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant([1]), brokenFilter),
        overrideCallbackUri: fc.oneof(
          fc.integer(),
          fc.constant(null),
          fc.constant(`https://e.com/${'a'.repeat(2100)}`),
        ),
      },
      valid: () =>
        fc.record({
          scanId: fc.uuid({ version: 4 }),
          filter,
          action: fc.constantFrom('phone_override.set', 'phone_override.clear'),
          overrideCallbackUri: fc.option(goodUrl(), { nil: undefined }),
        }),
      validRuns: 100,
      formData: false,
    },
    {
      name: 'startBulkReroute',
      action: startBulkRerouteAction as Action,
      fields: keysOf(startBulkSchema),
      bad: {
        scanId: badUuid,
        action: badEnum(['phone_override.set', 'phone_override.clear']),
        filter: fc.oneof(fc.string(), fc.integer(), fc.constant(null), brokenFilter),
        overrideCallbackUri: badCallbackUrl,
        verifyToken: badVerifyToken,
        expectedCount: fc.oneof(
          fc.constantFrom(0, -1, 1.5, 'abc', '', ' ', null, Number.NaN, Number.POSITIVE_INFINITY, '1e400'),
          fc.integer({ max: 0 }),
        ),
      },
      serviceChecked: ['overrideCallbackUri', 'verifyToken'],
      valid: () =>
        fc.record({
          scanId: fc.uuid({ version: 4 }),
          filter,
          action: fc.constant('phone_override.set'),
          overrideCallbackUri: goodUrl(),
          verifyToken: goodToken,
          expectedCount: fc.integer({ min: 1, max: 1_000_000 }),
        }),
      validRuns: 100,
      formData: false,
    },
    {
      name: 'retryBulkJob',
      action: retryBulkJobAction as Action,
      fields: keysOf(retryBulkSchema),
      bad: { jobId: badUuid },
      valid: () =>
        fc.record({ jobId: fc.uuid({ version: 4 }), verifyToken: fc.option(goodToken, { nil: undefined }) }),
      validRuns: 100,
      formData: true,
    },
    {
      name: 'startAuditScan',
      action: startAuditScanAction as Action,
      fields: [],
      bad: {},
      valid: () => fc.constant({}),
      validRuns: 5,
      formData: true,
    },
    // On-Premises. A valid registration's login fails (a local 404, or a Coreapp's address with a wrong
    // password); valid settings and carry-overs name no deployment, are stale, or fail their preflight (the
    // registered Coreapp's URL answers 404). So no Coreapp setting, Graph override or deployment is written.
    {
      name: 'registerDeployment',
      action: registerDeploymentAction as Action,
      fields: keysOf(registerDeploymentSchema),
      bad: {
        label: badPlainText(100),
        baseUrl: badTrimmedUrl,
        username: badPlainText(100),
        password: fc.oneof(
          fc.constantFrom('', null, 7, 'a\ud83db'),
          fc.constant('p'.repeat(501)),
          withControlChar('pass'),
        ),
        phoneNumberIds: fc.oneof(
          fc.constantFrom('+44 7700 900123', 'abc', '1'.repeat(21), '12;13', null, 12, ['1']),
          fc.constant(Array.from({ length: 501 }, (_, i) => String(i + 1)).join(',')),
          fc.constant('1'.repeat(5_001)),
        ),
      },
      valid: () =>
        fc.record({
          label: printable(1, 100),
          baseUrl: fc.oneof(
            goodUrl(),
            fc.constant(null).map(() => unregistered.baseUrl),
          ),
          username: printable(1, 100),
          password: printable(1, 500).filter((p) => p !== unregistered.password),
          phoneNumberIds: fc
            .array(
              digits.map((d) => d.slice(0, 20)),
              { maxLength: 5 },
            )
            .map((a) => a.join('\n')),
        }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'changeDeploymentSettings',
      action: changeDeploymentSettingsAction as Action,
      fields: keysOf(changeSettingsSchema),
      bad: {
        id: badUuid,
        expectedWebhookUrl: fc.oneof(fc.constantFrom(null, undefined, 3, []), fc.constant('u'.repeat(1_001))),
        settings: badCoreappSettings,
      },
      valid: () =>
        fc.record({
          id: deploymentIds(),
          // Never the current URL: that would pass the stale check and reach the Coreapp.
          expectedWebhookUrl: fc
            .oneof(fc.constant(''), printable(1, 60), goodUrl())
            .filter((v) => v !== registered.settings.webhooks.url),
          settings: coreappSettings(),
        }),
      validRuns: 60,
      formData: false,
    },
    {
      name: 'carryOverNumber',
      action: carryOverNumberAction as Action,
      fields: keysOf(carryOverSchema),
      bad: {
        deploymentId: badUuid,
        phoneNumberId: fc.oneof(
          fc.constantFrom('', '+15551234567', '1'.repeat(21), ' 1', '1.5', null, 12),
          withControlChar('1234'),
        ),
        verifyToken: badVerifyToken,
        expected: fc.oneof(fc.constantFrom(undefined, 3, [], {}), fc.constant('e'.repeat(1_001))),
      },
      valid: () =>
        fc.record({
          deploymentId: deploymentIds(),
          phoneNumberId: fc.oneof(phoneIds(), fc.constantFrom(...registered.phoneNumberIds)),
          verifyToken: goodToken,
          expected: fc.oneof(fc.constant(null), printable(1, 60)),
        }),
      validRuns: 60,
      formData: false,
    },
    {
      name: 'carryOverDeployment',
      action: carryOverDeploymentAction as Action,
      fields: keysOf(carryOverAllSchema),
      bad: { deploymentId: badUuid, verifyToken: badVerifyToken },
      valid: () => fc.record({ deploymentId: deploymentIds(), verifyToken: goodToken }),
      validRuns: 40,
      formData: true,
    },
    {
      name: 'createReceiver',
      action: createReceiverAction as Action,
      fields: keysOf(createReceiverSchema),
      bad: {
        name: fc.oneof(
          fc.constantFrom('', '   ', '\n\t'),
          fc.constant('n'.repeat(101)),
          fc.integer(),
          fc.constant(null),
        ),
        verifyToken: fc.oneof(badVerifyToken, fc.constantFrom('short', '1234567')),
        appSecret: fc.oneof(
          fc.constantFrom('', 'short', '   padded   '),
          fc.constant('s'.repeat(501)),
          fc.integer(),
        ),
      },
      valid: () =>
        fc.record({ name: printable(1, 100), verifyToken: printable(8, 500), appSecret: printable(8, 500) }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'rotateReceiverSecret',
      action: rotateReceiverSecretAction as Action,
      fields: keysOf(rotateReceiverSecretSchema),
      bad: {
        id: badUuid,
        appSecret: fc.oneof(fc.constantFrom('', 'short'), fc.integer(), fc.constant(null)),
        graceHours: fc.oneof(
          fc.constantFrom(
            -1,
            721,
            'abc',
            '',
            '  ',
            null,
            true,
            [],
            '1e400',
            Number.NaN,
            Number.POSITIVE_INFINITY,
          ),
          fc.integer({ min: 721 }),
          fc.integer({ max: -1 }),
        ),
      },
      valid: () =>
        fc.record({
          id: fc.oneof(fc.uuid({ version: 4 }), fc.constant(ids.receiver)),
          appSecret: printable(8, 500),
          graceHours: fc.oneof(
            fc.integer({ min: 0, max: 720 }),
            fc.integer({ min: 0, max: 720 }).map(String),
          ),
        }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'setReceiverRequireMtls',
      action: setReceiverRequireMtlsAction as Action,
      fields: keysOf(setReceiverRequireMtlsSchema),
      // Any string reads as ticked or not (a checkbox sends `on` or nothing), so only the id can be bad.
      bad: { id: badUuid },
      valid: () =>
        fc.record({
          id: fc.oneof(fc.uuid({ version: 4 }), fc.constant(ids.receiver)),
          requireMtls: fc.constantFrom('on', '', true, false),
        }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'deleteReceiver',
      action: deleteReceiverAction as Action,
      fields: keysOf(deleteReceiverSchema),
      bad: { id: badUuid },
      valid: () => fc.record({ id: fc.uuid({ version: 4 }) }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'sendTestEvent',
      action: sendTestEventAction as Action,
      fields: keysOf(testEventInputSchema),
      bad: {
        phoneNumberId: badGraphId.filter((v) => v !== undefined),
        field: badEnum(EMITTABLE_FIELDS).filter((v) => v !== ''),
        kind: badEnum(['message', 'status']).filter((v) => v !== ''),
      },
      valid: () =>
        fc.record(
          {
            phoneNumberId: phoneIds(),
            field: fc.constantFrom(...EMITTABLE_FIELDS),
            kind: fc.constantFrom('message', 'status'),
          },
          { requiredKeys: ['phoneNumberId'] },
        ),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'addMetaApp',
      action: addMetaAppAction as Action,
      fields: keysOf(addAppInputSchema),
      bad: {
        appId: badGraphId,
        label: fc.constantFrom('', '   ', 'x'.repeat(81)),
        accessToken: fc.constantFrom('', '  '),
      },
      valid: () =>
        fc.record({
          appId: digits,
          label: printable(1, 80).filter((v) => v.trim().length > 0),
          accessToken: fc.stringMatching(/^[A-Za-z0-9-]{8,64}$/),
          appSecret: fc.constantFrom('', 'fuzz-app-secret'),
        }),
      validRuns: 20,
      formData: true,
      serviceChecked: ['appId'],
    },
    {
      name: 'removeMetaApp',
      action: removeMetaAppAction as Action,
      fields: keysOf(removeAppInputSchema),
      bad: { appId: badGraphId },
      valid: () => fc.record({ appId: digits }),
      validRuns: 20,
      formData: true,
    },
    {
      name: 'createUser',
      action: createUserAction as Action,
      fields: keysOf(createUserSchema),
      bad: {
        email: fc.oneof(
          fc.constantFrom(
            '',
            'no-at-sign',
            'a@',
            '@b.c',
            'a@b',
            'a b@c.de',
            '__proto__',
            `${'a'.repeat(250)}@b.co`,
          ),
          fc.constantFrom('a\u0000b@example.com', 'a\nb@example.com', 'a@exa\u007fmple.com'),
          fc.integer(),
          fc.constant(null),
        ),
        name: fc.oneof(fc.constant('n'.repeat(121)), fc.integer(), fc.constant(null)),
        role: badEnum(ROLES),
        password: fc.oneof(fc.constantFrom('', 'short', '𝟙'.repeat(19)), fc.integer(), fc.constant(null)),
      },
      valid: () =>
        fc.record({
          // fc.emailAddress() follows RFC 5322; the schema (rightly) accepts only everyday addresses.
          email: fc.stringMatching(
            /^[a-z0-9]{1,10}([.+_-][a-z0-9]{1,10})?@[a-z0-9]{1,15}(-[a-z0-9]{1,5})?\.[a-z]{2,6}$/,
          ),
          name: fc.option(printable(0, 120), { nil: undefined }),
          role: fc.constantFrom(...ROLES),
          password: printable(12, 18),
        }),
      validRuns: 8,
      junkScale: 0.25,
      formData: true,
    },
    {
      name: 'changeUserRole',
      action: changeUserRoleAction as Action,
      fields: keysOf(changeUserRoleSchema),
      bad: { userId: badUuid, role: badEnum(ROLES) },
      valid: () =>
        fc.record({
          userId: fc.oneof(fc.uuid({ version: 4 }), fc.constant(ids.viewer)),
          role: fc.constant('viewer'),
        }),
      validRuns: 60,
      formData: true,
    },
    {
      name: 'setUserDisabled',
      action: setUserDisabledAction as Action,
      fields: keysOf(setUserDisabledSchema),
      bad: {
        userId: badUuid,
        disabled: fc.constantFrom('yes', 'TRUE', 1, 0, null, '', 'on', [true]),
      },
      valid: () =>
        fc.record({
          userId: fc.uuid({ version: 4 }),
          disabled: fc.constantFrom(true, false, 'true', 'false'),
        }),
      validRuns: 60,
      formData: true,
    },
  ];
}

/** The wrapper's own refusal of input that failed the schema. */
function isValidationRefusal(result: ActionResult<unknown>): boolean {
  return !result.ok && result.status === 422 && result.error === 'Some fields need attention.';
}

/** A refusal that names only fields the service checks (schema-valid input the service then refused). */
function isServiceRefusal(result: ActionResult<unknown>, c: Case): boolean {
  const named = Object.keys((!result.ok && result.fieldErrors) || {});
  return named.length > 0 && named.every((k) => c.serviceChecked?.includes(k));
}

/** Every answer has the one result shape, and no input may cause a 500. */
function expectWellFormed(result: ActionResult<unknown>, input: unknown) {
  const where = `input ${fc.stringify(input).slice(0, 300)} → ${JSON.stringify(result).slice(0, 300)}`;
  expect(typeof result, where).toBe('object');
  expect(typeof result.ok, where).toBe('boolean');
  if (!result.ok) {
    expect(result.status, where).not.toBe(500);
    expect(typeof result.error, where).toBe('string');
    expect(result.error.length, where).toBeGreaterThan(0);
    if (result.status === 422 && isValidationRefusal(result)) expect(result.fieldErrors, where).toBeDefined();
  }
}

/** Whole inputs that are not what any form sends: wrong top-level types, junk keys, FormData of junk. */
const junkInput = (c: Case): fc.Arbitrary<unknown> => {
  const hostileKey = fc.oneof(fc.constantFrom(...POLLUTING_KEYS, ...c.fields), fc.string({ maxLength: 20 }));
  const pairs = fc.array(fc.tuple(hostileKey, anyValue), { maxLength: 6 });
  return fc.oneof(
    anyValue,
    pairs.map((p) => Object.fromEntries(p)),
    // JSON.parse makes `__proto__` an own key, as a body parser would.
    pairs.map(
      (p) =>
        JSON.parse(
          JSON.stringify(Object.fromEntries(p), (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
        ) as unknown,
    ),
    pairs.map((p) => {
      const form = new FormData();
      for (const [k, v] of p) form.append(k, asText(v));
      return form;
    }),
    // A valid input with one field replaced, and pollution keys added.
    fc
      .tuple(c.valid(), fc.constantFrom(...(c.fields.length ? c.fields : ['x'])), anyValue)
      .map(([valid, key, value]) => {
        const out = JSON.parse(
          `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}`,
        ) as Input;
        return Object.assign(out, valid, { [key]: value });
      }),
  );
};

async function graphWrites() {
  return (await sandboxClient(sandbox.url).calls()).filter((call) => call.method !== 'GET');
}

async function successRows(actions?: readonly string[]) {
  const db = await getDb();
  return db
    .select({ action: changeLog.action, targetId: changeLog.targetId })
    .from(changeLog)
    .where(and(eq(changeLog.outcome, 'success'), actions ? inArray(changeLog.action, actions) : undefined));
}

/**
 * Points the first sandbox Coreapp's webhook URL at the test receiver's 404 (through its own API, as an
 * operator would have), registers it, and records every Coreapp's settings for the end-of-run check.
 */
async function registerCoreapp() {
  const control = sandboxClient(sandbox.url);
  const [first, second] = await control.coreappDeployments();
  if (!first || !second) throw new Error('the sandbox has fewer than two Coreapps');
  const login = await fetch(`${first.baseUrl}/v1/users/login`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${first.username}:${first.password}`).toString('base64')}`,
    },
  });
  const token = ((await login.json()) as { users: Array<{ token: string }> }).users[0]?.token;
  const patched = await fetch(`${first.baseUrl}/v1/settings/application`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ webhooks: { url: `${receiver.url}/missing/coreapp` } }),
  });
  if (!patched.ok) throw new Error(`the Coreapp refused the set-up: ${await patched.text()}`);
  const created = await registerDeploymentAction({
    label: 'Fuzz Coreapp',
    baseUrl: first.baseUrl,
    username: first.username,
    password: first.password,
    phoneNumberIds: first.phoneNumberIds.join('\n'),
  });
  if (!created.ok) throw new Error(created.error);
  ids.deployment = created.data.id;
  coreappBefore = await control.coreappDeployments();
  registered = coreappBefore.find((d) => d.id === first.id) ?? first;
  unregistered = second;
}

/** The Coreapps' settings now, against those when the run started. */
async function coreappSettingsNow() {
  const now = await sandboxClient(sandbox.url).coreappDeployments();
  return {
    now: now.map((d) => ({ id: d.id, settings: d.settings })),
    before: coreappBefore.map((d) => ({ id: d.id, settings: d.settings })),
  };
}

/** Deployments registered and Coreapp settings changed, as the change log tells (the set-up's one only). */
async function onpremSuccessRows() {
  return (await successRows(['onprem_deployment.register', 'onprem_webhook.set'])).filter(
    (row) => !(row.action === 'onprem_deployment.register' && row.targetId === ids.deployment),
  );
}

const all: Case[] = cases();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, verificationTimeoutMs: 1_000 });
  receiver = await startReceiver();
  const app = sandbox.fixture.apps[0];
  if (!app) throw new Error('the fixture has no app');
  Object.assign(process.env, {
    GRAPH_API_BASE_URL: sandbox.url,
    GRAPH_API_VERSION: sandbox.fixture.graphVersion,
    GRAPH_ACCESS_TOKEN: app.accessToken,
    GRAPH_MAX_RETRIES: '0',
    GRAPH_TIMEOUT_MS: '5000',
    META_APP_ID: app.id,
    META_APP_SECRET: app.secret,
    META_APPS: JSON.stringify(
      sandbox.fixture.apps
        .slice(1, 2)
        .map((a) => ({ id: a.id, label: a.name, accessToken: a.accessToken, appSecret: a.secret })),
    ),
    META_BUSINESS_IDS: sandbox.fixture.businesses.map((b) => b.id).join(','),
    GRAPH_SANDBOX_CONTROL_URL: sandbox.url,
    ALLOW_LOOPBACK_CALLBACKS: '1',
    PREFLIGHT_TIMEOUT_MS: '1000',
    // Managed receivers' URLs answer 404 (the test receiver), so overrides set to one fail their preflight.
    RECEIVER_BASE_URL: `${receiver.url}/missing`,
    DATA_DIR: 'memory://',
    SECRETS_KEY: randomBytes(32).toString('base64'),
  });
  delete process.env.DATABASE_URL;
  ids.admin = (await createUser({ email: 'fuzz-admin@test.local', role: 'admin' })).id;
  ids.viewer = (await createUser({ email: 'fuzz-viewer@test.local', role: 'viewer' })).id;
  session.userId = ids.admin;
  const created = await createReceiverAction({
    name: 'Fuzz',
    verifyToken: 'fuzz-verify',
    appSecret: 'fuzz-app-secret',
  });
  if (!created.ok) throw new Error(created.error);
  ids.receiver = created.data.id;
  ids.app = app.id;
  ids.secondApp = sandbox.fixture.apps[1]?.id ?? '';
  await registerCoreapp();
  const tier = await getAppTier(await getAppTierContext());
  if (tier.kind !== 'ok') throw new Error(`the app tier could not be read: ${JSON.stringify(tier)}`);
  appTierValue = appSubscriptionValue(tier.subscription);
  await sandboxClient(sandbox.url).clearCalls();
});

afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});

const TIMEOUT = 60_000;

describe('server actions under hostile input', () => {
  it('every action has a case, so none escapes the fuzzing', () => {
    const modules = import.meta.glob<Record<string, unknown>>('./**/_actions/*.ts', { eager: true });
    const helpers = ['actorOf'];
    const uncovered = Object.entries(modules).flatMap(([file, m]) =>
      Object.entries(m)
        .filter(([name, v]) => typeof v === 'function' && !helpers.includes(name))
        .filter(([, v]) => !all.some((c) => c.action === v))
        .map(([name]) => `${file}: ${name}`),
    );
    expect(uncovered).toEqual([]);
  });

  describe.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('never throws, never answers 500, whatever it is sent', { timeout: TIMEOUT }, async () => {
      await fc.assert(
        fc.asyncProperty(junkInput(c), async (input) => {
          expectWellFormed(await c.action(input as never), input);
        }),
        { numRuns: Math.ceil(HOSTILE_RUNS * (c.junkScale ?? 1)) },
      );
    });

    it.skipIf(Object.keys(c.bad).length === 0)(
      'refuses a hostile value in any field, naming the field',
      { timeout: TIMEOUT },
      async () => {
        const fields = Object.keys(c.bad);
        const badField = fc
          .constantFrom(...fields)
          .chain((field) => fc.tuple(fc.constant(field), c.bad[field] as fc.Arbitrary<unknown>));
        await fc.assert(
          fc.asyncProperty(c.valid(), badField, fc.boolean(), async (valid, [field, value], asForm) => {
            const input: Input = { ...valid, [field]: value };
            // FormData cannot carry a broken character (it becomes U+FFFD), so those go as objects only.
            const formable = typeof value === 'string' && !/\p{Cs}/u.test(value);
            const sent = asForm && c.formData && formable ? toFormData(input) : input;
            const result = await c.action(sent as never);
            expectWellFormed(result, input);
            const where = `${field} = ${fc.stringify(value).slice(0, 120)} → ${JSON.stringify(result).slice(0, 300)}`;
            if (!result.ok && result.status === 422 && c.serviceChecked?.includes(field)) {
              expect(Object.keys(result.fieldErrors ?? {}), where).toContain(field);
              return;
            }
            expect(isValidationRefusal(result), where).toBe(true);
            const named = Object.keys((!result.ok && result.fieldErrors) || {});
            expect(
              named.some((k) => k === field || k.startsWith(`${field}.`)),
              where,
            ).toBe(true);
          }),
          { numRuns: FIELD_RUNS },
        );
      },
    );

    it('refuses a viewer with 403 and a signed-out caller with 401', { timeout: TIMEOUT }, async () => {
      for (const [userId, status] of [
        [ids.viewer, 403],
        [null, 401],
      ] as const) {
        session.userId = userId;
        try {
          await fc.assert(
            fc.asyncProperty(fc.oneof(c.valid(), junkInput(c)), async (input) => {
              const result = await c.action(input as never);
              expect(!result.ok && result.status).toBe(status);
            }),
            { numRuns: ROLE_RUNS },
          );
        } finally {
          session.userId = ids.admin;
        }
      }
    });
  });

  it('made no Graph write and logged no successful routing change', async () => {
    expect(await graphWrites()).toEqual([]);
    expect(await successRows(ROUTING_ACTIONS)).toEqual([]);
    const coreapp = await coreappSettingsNow();
    expect(coreapp.now).toEqual(coreapp.before);
    expect(await onpremSuccessRows()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('server actions under valid input', () => {
  it.each(all.map((c) => [c.name, c] as const))(
    '%s: not refused by validation, as objects or as FormData',
    { timeout: TIMEOUT },
    async (_name, c) => {
      await fc.assert(
        fc.asyncProperty(c.valid(), fc.boolean(), async (input, asForm) => {
          const result = await c.action((asForm && c.formData ? toFormData(input) : input) as never);
          expectWellFormed(result, input);
          const where = `${fc.stringify(input).slice(0, 300)} → ${JSON.stringify(result).slice(0, 300)}`;
          expect(isValidationRefusal(result) && !isServiceRefusal(result, c), where).toBe(false);
        }),
        { numRuns: Math.ceil(c.validRuns * VALID_SCALE) },
      );
    },
  );

  it('still made no Graph write: every valid routing input failed its preflight, stale check or lookup', async () => {
    expect(await graphWrites()).toEqual([]);
    expect(await successRows(ROUTING_ACTIONS)).toEqual([]);
  });

  it('changed no Coreapp setting and registered no deployment: each valid On-Premises input stopped first', async () => {
    const coreapp = await coreappSettingsNow();
    expect(coreapp.now).toEqual(coreapp.before);
    expect(await onpremSuccessRows()).toEqual([]);
  });
});
