/**
 * Secrets never reach the log: with logging at `debug`, drive the paths most likely to leak — a Graph error
 * caused by a bad token, overrides set with a verify token (through the server-action wrapper's failure log
 * too), receivers created and rotated, a webhook with a bad signature — then grep everything the logger wrote
 * for every secret involved. The logger is the real one (redaction, scrubbing, registration at start); only
 * its destination is a buffer instead of stdout. lib/log.test.ts covers scrub() itself.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KnownSecret } from '@/lib/testing/leaks';
import { describeLeaks, findLeaks } from '@/lib/testing/leaks';

const captured = vi.hoisted(() => {
  process.env.LOG_LEVEL = 'debug';
  return { text: '' };
});
vi.mock('pino', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('pino').default }>()).default;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      captured.text += chunk.toString();
      done();
    },
  });
  const withSink = ((options: object) => real(options as never, sink)) as unknown as typeof real;
  return { default: Object.assign(withSink, real) };
});
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const { randomBytes } = await import('node:crypto');
const { z } = await import('zod');
const { defineAction } = await import('@/lib/auth/safe-action');
const { useTestDatabase } = await import('@/lib/auth/test-support');
const { createUser } = await import('@/lib/db/users');
const { createGraphClient } = await import('@/lib/graph/client');
const { logger } = await import('@/lib/log');
const { readSafely } = await import('@/lib/query/read-safely');
const { rotateReceiverSecret } = await import('@/lib/receivers/manage');
const { messagesPayload, startReceiversTestbed } = await import('@/lib/receivers/test-support');
const { setPhoneOverride, testCallback } = await import('@/lib/routing');
const { RECEIVER_TOKEN, startReceiver, startRoutingHarness } = await import('@/lib/routing/test-support');
const { onServerStart } = await import('@/lib/server-start');

const secrets: KnownSecret[] = [];
const note = (label: string, value: string) => secrets.push({ label, value });

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receivers: Awaited<ReturnType<typeof startReceiversTestbed>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  h = await startRoutingHarness();
  receivers = await startReceiversTestbed();
  receiver = await startReceiver();
  const app = h.fixture.apps[0];
  if (!app) throw new Error('the fixture has no app');
  Object.assign(process.env, {
    GRAPH_API_BASE_URL: h.sandbox.url,
    GRAPH_ACCESS_TOKEN: app.accessToken,
    META_APP_ID: app.id,
    META_APP_SECRET: app.secret,
    META_BUSINESS_IDS: h.fixture.businesses.map((b) => b.id).join(','),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    SECRETS_KEY: randomBytes(32).toString('base64'),
  });
  await useTestDatabase();
  // What instrumentation.ts runs at start: registers every configured secret with the logger.
  await onServerStart();
  for (const key of ['GRAPH_ACCESS_TOKEN', 'META_APP_SECRET', 'NEXTAUTH_SECRET', 'SECRETS_KEY'] as const) {
    note(key, process.env[key] ?? '');
  }
  for (const a of h.fixture.apps) {
    note(`app ${a.id} secret`, a.secret);
    note(`app ${a.id} access token`, a.accessToken);
    note(`app ${a.id} app access token`, a.appAccessToken);
  }
  note('receiver verify token', RECEIVER_TOKEN);
  session.userId = (await createUser({ email: 'leaks@test.local', role: 'admin' })).id;
});

afterAll(async () => {
  await receiver?.close();
  await receivers?.close();
  await h?.close();
});

describe('secrets in the log', () => {
  it('none appear after the paths most likely to leak, at debug level', async () => {
    const badToken = `EAAbad${randomBytes(12).toString('hex')}`;
    note('rejected access token', badToken);
    const badGraph = createGraphClient({
      baseUrl: h.sandbox.url,
      version: h.fixture.graphVersion,
      accessToken: badToken,
      timeoutMs: 5_000,
      maxRetries: 0,
    });
    const phoneId = h.scenarios.applicationTier.phoneNumberId;
    // A page read failing on a bad token (190), logged by readSafely.
    const read = await readSafely(() => badGraph.getWebhookConfiguration(phoneId), 'number');
    expect(read.ok).toBe(false);

    // An action whose handler fails with the Graph error, logged by the wrapper; its input carries a token.
    const failing = defineAction(
      { permission: 'override.write', schema: z.object({ verifyToken: z.string() }) },
      async ({ verifyToken }) => {
        await badGraph.setPhoneOverride(phoneId, {
          overrideCallbackUri: `${receiver.url}/echo`,
          verifyToken,
        });
        return { ok: true, data: null };
      },
    );
    expect(await failing({ verifyToken: RECEIVER_TOKEN })).toMatchObject({ ok: false, status: 500 });

    // Overrides set, refused and checked with the verify token.
    const set = await setPhoneOverride(h.ctx, {
      phoneNumberId: phoneId,
      overrideCallbackUri: `${receiver.url}/echo`,
      verifyToken: RECEIVER_TOKEN,
      expected: null,
    });
    expect(set.kind).toBe('applied');
    await testCallback(h.ctx, { url: `${receiver.url}/wrong`, verifyToken: RECEIVER_TOKEN });

    // Receivers: created, rotated, and sent a webhook signed with the wrong secret.
    const created = await receivers.create({
      verifyToken: 'hook-verify-token-1',
      appSecret: 'first-secret-1234',
    });
    note('managed receiver verify token', created.verifyToken);
    note('managed receiver app secret', created.appSecret);
    const rotated = await rotateReceiverSecret(
      receivers.ctx,
      { id: created.id, appSecret: 'second-secret-5678', graceHours: 1 },
      { id: null, email: 'admin@test.local' },
    );
    note('rotated app secret', 'second-secret-5678');
    expect(rotated.ok).toBe(true);
    const forged = await receivers.post(created.id, messagesPayload(phoneId, ['wamid.1']), 'not-the-secret');
    expect(forged.status).toBe(401);
    const verify = await fetch(
      `${created.url}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(created.verifyToken)}&hub.challenge=42`,
    );
    expect(verify.status).toBe(200);

    // What a careless call might log: secret keys, token parameters, configured secrets in prose. (A value
    // never registered cannot be recognised in prose; the paths above never write one.)
    logger.debug(
      { headers: { authorization: `Bearer ${badToken}` }, url: `/x?access_token=${badToken}` },
      'debug',
    );
    logger.error(
      new Error(`Graph refused ${process.env.GRAPH_ACCESS_TOKEN} of ${process.env.META_APP_SECRET}`),
    );

    // The logging really was on and captured, so an empty result means something.
    expect(captured.text).toContain('server action failed');
    expect(captured.text).toContain('console read failed');
    const leaks = findLeaks(captured.text, secrets);
    expect(leaks, describeLeaks(leaks, 'captured logger output')).toEqual([]);
  });

  it('the check itself finds a secret, by label and line', () => {
    const text = 'one\n{"msg":"token EAAxyz123456 here"}\n';
    expect(findLeaks(text, [{ label: 'a token', value: 'EAAxyz123456' }])).toEqual([
      { label: 'a token', line: 2 },
    ]);
    expect(
      findLeaks('x=e2e%20verify%2Btoken', [{ label: 'encoded', value: 'e2e verify+token' }]),
    ).toHaveLength(1);
  });
});
