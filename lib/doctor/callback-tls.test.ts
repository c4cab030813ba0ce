/**
 * `callback_live` over real TLS: local https receivers with certificates from a throwaway CA (made in the
 * test, nothing leaves the machine), one long-lived, one expiring within the warning window, one expired,
 * and the same long-lived one without its CA trusted. Nothing but the doctor's own trust list changes: the
 * TLS verification Meta would do stays on.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServerCert } from '@/lib/graph-sandbox/client-certs';
import { safeGet } from '@/lib/net/safe-fetch';
import { CERT_WARN_DAYS, callbackLiveCheck } from './callback-live';
import type { DoctorContext } from './context';

const DAY_MS = 86_400_000;

interface TlsReceiver {
  url: string;
  caPem: string;
  hits: number;
  close(): Promise<void>;
}

/** Answers a verification GET the way a careful receiver does for a token it does not know: 403. */
async function tlsReceiver(validity: { notBefore: Date; notAfter: Date }): Promise<TlsReceiver> {
  const cert = await generateServerCert('127.0.0.1', validity);
  const state = { hits: 0 };
  const server = https.createServer({ cert: cert.cert, key: cert.key }, (_req, res) => {
    state.hits += 1;
    res.writeHead(403, { 'content-type': 'text/plain' }).end('unknown verify token');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/webhook`,
    caPem: cert.caPem,
    get hits() {
      return state.hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Only what callback_live reads: no managed receiver, loopback allowed (the receivers are local). */
function contextTrusting(caPem: string | null): DoctorContext {
  return {
    allowLoopbackCallbacks: true,
    managedReceiver: async () => null,
    liveTimeoutMs: 3_000,
    ...(caPem ? { trustCa: [caPem] } : {}),
  } as unknown as DoctorContext;
}

let longLived: TlsReceiver;
let expiring: TlsReceiver;
let expired: TlsReceiver;

beforeAll(async () => {
  const now = Date.now();
  [longLived, expiring, expired] = await Promise.all([
    tlsReceiver({ notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 90 * DAY_MS + 3_600_000) }),
    tlsReceiver({ notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 5 * DAY_MS + 3_600_000) }),
    tlsReceiver({ notBefore: new Date(now - 30 * DAY_MS), notAfter: new Date(now - DAY_MS) }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([longLived, expiring, expired].map((r) => r?.close()));
});

describe('safeGet reports the verified peer certificate', () => {
  it('gives the days left of an https answer', async () => {
    const res = await safeGet(longLived.url, {
      allowLoopback: true,
      timeoutMs: 3_000,
      maxBodyBytes: 1_024,
      trustCa: [longLived.caPem],
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.status).toBe(403);
    expect(res.certificate).toMatchObject({ subject: '127.0.0.1', daysLeft: 90 });
    expect(Date.parse(res.certificate?.validTo ?? '')).toBeGreaterThan(Date.now() + 89 * DAY_MS);
  });

  it('still refuses a certificate from a CA it was not told to trust', async () => {
    const res = await safeGet(longLived.url, { allowLoopback: true, timeoutMs: 3_000, maxBodyBytes: 1_024 });
    expect(res).toMatchObject({ ok: false, reason: 'tls' });
  });

  it('still refuses https to loopback when loopback is not allowed', async () => {
    const before = longLived.hits;
    const res = await safeGet(longLived.url, {
      allowLoopback: false,
      timeoutMs: 3_000,
      maxBodyBytes: 1_024,
      trustCa: [longLived.caPem],
    });
    expect(res).toMatchObject({ ok: false, reason: 'blocked_address' });
    expect(longLived.hits).toBe(before);
  });
});

describe('callback_live shows the certificate’s days left', () => {
  it('passes a certificate with months left and says how many days', async () => {
    const result = await callbackLiveCheck(contextTrusting(longLived.caPem), longLived.url);
    expect(result.detail).toContain('TLS certificate valid for the host, 90 days left');
    expect(result.detail).not.toContain('The TLS certificate expires');
    // On a loaded machine the handshake alone can pass Meta's 250 ms guidance: that warning is not this one.
    if (result.status === 'warn')
      expect(result.detail).toMatch(/Meta asks receivers to answer with a median/);
    else expect(result.status).toBe('pass');
  });

  it(`warns when fewer than ${CERT_WARN_DAYS} days are left`, async () => {
    const result = await callbackLiveCheck(contextTrusting(expiring.caPem), expiring.url);
    expect(result.status).toBe('warn');
    expect(result.detail).toContain('5 days left');
    expect(result.detail).toContain('The TLS certificate expires in 5 days');
    expect(result.detail).toContain('renew it');
  });

  it('fails an expired certificate with the handshake’s reason', async () => {
    const result = await callbackLiveCheck(contextTrusting(expired.caPem), expired.url);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('CERT_HAS_EXPIRED');
  });

  it('fails a certificate nobody trusts', async () => {
    const result = await callbackLiveCheck(contextTrusting(null), longLived.url);
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/TLS handshake failed/);
  });
});
