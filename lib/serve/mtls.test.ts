/**
 * mTLS end to end: the production server's HTTPS options (httpsServerOptions) and hook fast path
 * (serveHook), with the Graph sandbox emitting signed deliveries over HTTPS and presenting — or not — a
 * client certificate. The sandbox reaches the receiver through a phone override it verified itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { receiverDeliveries } from '@/lib/db/schema';
import { generateServerCert } from '@/lib/graph-sandbox/client-certs';
import type { Emission } from '@/lib/graph-sandbox/emit-log';
import { startTestSandbox } from '@/lib/graph-sandbox/test-helpers';
import { parseTrustedProxies } from '@/lib/net/trusted-proxies';
import type { HookDeps } from '@/lib/receivers/hook-handlers';
import { createReceiver } from '@/lib/receivers/manage';
import { makeKeyring } from '@/lib/receivers/secret-box';
import { signBody } from '@/lib/receivers/signature';
import { ACTOR, messagesPayload, randomKey } from '@/lib/receivers/test-support';
import { openTestDb } from '@/lib/testing/test-db';
import { serveHook } from './hooks-fast-path';
import { httpsServerOptions } from './tls-options';

const TOKEN = 'mtls-verify-token';
let dir: string;
let db: DbHandle;
let deps: HookDeps;
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let servers: (http.Server | https.Server)[] = [];
let httpsOrigin: string;
let serverCa: string;

const proxies = (list: string) => parseTrustedProxies(list);

/** The production server's hook listener, as lib/serve/main.ts builds it. */
function listener(current: () => HookDeps): http.RequestListener {
  return (req, res) => void serveHook(req, res, current());
}

function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'switchboard-mtls-'));
  const serverCert = await generateServerCert('127.0.0.1');
  serverCa = serverCert.caPem;
  sandbox = await startTestSandbox({ trustCa: serverCa });
  // The receiver trusts the CA the sandbox's emitter presents certificates from, as it would Meta's.
  const fixture = await sandbox.control<{ webhookClientCa: string }>('/fixture');
  expect(fixture.body.webhookClientCa).toContain('-----BEGIN CERTIFICATE-----');
  const files = { cert: 'server.pem', key: 'server-key.pem', ca: 'client-ca.pem' };
  writeFileSync(path.join(dir, files.cert), serverCert.cert);
  writeFileSync(path.join(dir, files.key), serverCert.key);
  writeFileSync(path.join(dir, files.ca), fixture.body.webhookClientCa);
  db = await openTestDb();
  deps = { db: db.db, keyring: makeKeyring(randomKey()), clientCert: { trustedProxies: [] } };
  const options = httpsServerOptions({
    TLS_CERT_FILE: path.join(dir, files.cert),
    TLS_KEY_FILE: path.join(dir, files.key),
    MTLS_CA_FILE: path.join(dir, files.ca),
  });
  if (!options) throw new Error('TLS options expected');
  const port = await listen(
    https.createServer(
      options,
      listener(() => deps),
    ),
  );
  httpsOrigin = `https://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
  await sandbox?.sandbox.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await sandbox.reset();
});

const app = () => {
  const first = sandbox.fixture.apps[0];
  if (!first) throw new Error('fixture app expected');
  return first;
};
const phoneNumberId = () => sandbox.fixture.scenarios.phoneNumberTier.phoneNumberId;

async function receiver(requireMtls: boolean) {
  const { id } = await createReceiver(
    { db: db.db, keyring: deps.keyring, baseUrl: httpsOrigin, rotationGraceHours: 24 },
    { name: `mTLS ${requireMtls}`, verifyToken: TOKEN, appSecret: app().secret, requireMtls },
    ACTOR,
  );
  const url = `${httpsOrigin}/api/hooks/${id}`;
  // The sandbox verifies the URL live over HTTPS, trusting the receiver's server CA.
  const set = await sandbox.graph(`/v23.0/${phoneNumberId()}`, {
    json: { webhook_configuration: { override_callback_uri: url, verify_token: TOKEN } },
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  return id;
}

async function emitWith(mode: 'valid' | 'none' | 'wrong_cn' | 'wrong_ca') {
  const switched = await sandbox.control<{ mode: string }>('/client-cert', { json: { mode } });
  expect(switched.body.mode).toBe(mode);
  const res = await sandbox.control<{ emission: Emission }>('/emit', {
    json: { phoneNumberId: phoneNumberId(), wait: true, retry: { maxAttempts: 1 } },
  });
  expect(res.status).toBe(200);
  const target = res.body.emission.targets.find((t) => t.appId === app().id);
  return target?.attempts.map((a) => a.status);
}

async function deliveriesOf(receiverId: string) {
  return db.db
    .select({
      outcome: receiverDeliveries.outcome,
      rejectReason: receiverDeliveries.rejectReason,
      clientCert: receiverDeliveries.clientCert,
      body: receiverDeliveries.body,
    })
    .from(receiverDeliveries)
    .where(eq(receiverDeliveries.receiverId, receiverId))
    .orderBy(receiverDeliveries.seq);
}

describe('a receiver that requires mTLS, over the HTTPS server', () => {
  it('accepts a delivery with the valid client certificate and records it as valid', async () => {
    const id = await receiver(true);
    expect(await emitWith('valid')).toEqual([200]);
    expect(await deliveriesOf(id)).toEqual([
      expect.objectContaining({ outcome: 'stored', rejectReason: null, clientCert: 'valid' }),
    ]);
  });

  it.each([
    ['no certificate', 'none', 'absent'],
    ["a certificate without Meta's CN", 'wrong_cn', 'invalid'],
    ['a certificate from another CA', 'wrong_ca', 'invalid'],
  ] as const)('refuses (403) and records a delivery with %s', async (_label, mode, recorded) => {
    const id = await receiver(true);
    expect(await emitWith(mode)).toEqual([403]);
    expect(await deliveriesOf(id)).toEqual([
      { outcome: 'rejected', rejectReason: 'client_certificate', clientCert: recorded, body: null },
    ]);
  });

  it('a receiver that does not require it accepts any, recording what came', async () => {
    const id = await receiver(false);
    expect(await emitWith('none')).toEqual([200]);
    expect(await emitWith('wrong_ca')).toEqual([200]);
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => [r.outcome === 'rejected', r.clientCert])).toEqual([
      [false, 'absent'],
      [false, 'invalid'],
    ]);
  });

  it('applies a changed setting to the next delivery', async () => {
    const id = await receiver(false);
    expect(await emitWith('none')).toEqual([200]);
    const { setReceiverRequireMtls } = await import('@/lib/receivers/manage');
    const ctx = { db: db.db, keyring: deps.keyring, baseUrl: httpsOrigin, rotationGraceHours: 24 };
    expect((await setReceiverRequireMtls(ctx, { id, requireMtls: true }, ACTOR)).ok).toBe(true);
    expect(await emitWith('none')).toEqual([403]);
    expect(await emitWith('valid')).toEqual([200]);
    const rows = await db.db
      .select({ clientCert: receiverDeliveries.clientCert })
      .from(receiverDeliveries)
      .where(and(eq(receiverDeliveries.receiverId, id), eq(receiverDeliveries.outcome, 'rejected')));
    expect(rows).toEqual([{ clientCert: 'absent' }]);
  });
});

describe('behind a TLS terminator (MTLS_CLIENT_SUBJECT_HEADER)', () => {
  const HEADER = 'x-client-cert-subject';
  let policy: HookDeps['clientCert'];
  let plainOrigin: string;

  beforeAll(async () => {
    const port = await listen(http.createServer(listener(() => ({ ...deps, clientCert: policy }))));
    plainOrigin = `http://127.0.0.1:${port}`;
  });

  async function postThroughProxy(id: string, subject: string | null) {
    const body = messagesPayload(phoneNumberId(), [`wamid.${crypto.randomUUID()}`]);
    const res = await fetch(`${plainOrigin}/api/hooks/${id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signBody(body, app().secret),
        ...(subject === null ? {} : { [HEADER]: subject }),
      },
      body,
    });
    return res.status;
  }

  it('believes the subject from a trusted proxy: Meta CN accepted, another CN refused', async () => {
    policy = { subjectHeader: HEADER, trustedProxies: proxies('10.0.0.0/8, 127.0.0.1/32') };
    const id = await receiver(true);
    expect(await postThroughProxy(id, 'CN=client.webhooks.fbclientcerts.com,O=Meta Platforms, Inc.')).toBe(
      200,
    );
    expect(await postThroughProxy(id, '/C=US/O=Example/CN=client.example.invalid')).toBe(403);
    expect(await postThroughProxy(id, null)).toBe(403);
    expect((await deliveriesOf(id)).map((r) => [r.outcome, r.clientCert])).toEqual([
      ['stored', 'valid'],
      ['rejected', 'invalid'],
      ['rejected', 'absent'],
    ]);
  });

  it('ignores the header from a peer that is not a trusted proxy', async () => {
    policy = { subjectHeader: HEADER, trustedProxies: proxies('10.0.0.0/8') };
    const id = await receiver(true);
    expect(await postThroughProxy(id, 'CN=client.webhooks.fbclientcerts.com')).toBe(403);
    expect(await deliveriesOf(id)).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        rejectReason: 'client_certificate',
        clientCert: 'absent',
      }),
    ]);
  });
});
