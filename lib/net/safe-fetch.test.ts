import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Resolver, safeGet } from './safe-fetch';

const hits: { path: string; host: string | undefined }[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '', host: req.headers.host });
    if (req.url?.startsWith('/redirect')) {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
    } else if (req.url?.startsWith('/big')) {
      res.writeHead(200).end('x'.repeat(10_000));
    } else if (req.url?.startsWith('/hang')) {
      // Never answer: the caller's deadline must end the request.
    } else {
      res.writeHead(200).end('hello');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const dev = { allowLoopback: true, timeoutMs: 2_000, maxBodyBytes: 4_096 };
const strict = { ...dev, allowLoopback: false };

describe('safeGet', () => {
  it('fetches a loopback receiver when loopback is allowed', async () => {
    const res = await safeGet(`http://127.0.0.1:${port}/ok`, dev);
    expect(res).toMatchObject({
      ok: true,
      status: 200,
      body: 'hello',
      bodyTruncated: false,
      address: '127.0.0.1',
    });
  });

  it('refuses loopback and http:// when loopback is not allowed', async () => {
    const before = hits.length;
    expect(await safeGet(`http://127.0.0.1:${port}/ok`, strict)).toMatchObject({
      ok: false,
      reason: 'scheme',
    });
    expect(await safeGet(`https://127.0.0.1:${port}/ok`, strict)).toMatchObject({
      ok: false,
      reason: 'blocked_address',
    });
    expect(await safeGet(`https://2130706433:${port}/ok`, strict)).toMatchObject({
      reason: 'blocked_address',
    });
    expect(hits.length).toBe(before);
  });

  it('refuses bad URLs and schemes without a request', async () => {
    expect(await safeGet('not a url', dev)).toMatchObject({ ok: false, reason: 'invalid_url' });
    expect(await safeGet(`http://user:pw@127.0.0.1:${port}/`, dev)).toMatchObject({ reason: 'invalid_url' });
    expect(await safeGet('ftp://127.0.0.1/', dev)).toMatchObject({ reason: 'scheme' });
    expect(await safeGet('file:///etc/passwd', dev)).toMatchObject({ reason: 'scheme' });
  });

  it('refuses a name when any DNS answer is private, and http:// to a public name', async () => {
    const mixed: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    expect(await safeGet('https://mixed.example/', { ...dev, resolve: mixed })).toMatchObject({
      reason: 'blocked_address',
    });
    const cgnat: Resolver = async () => [{ address: '100.64.0.1', family: 4 }];
    const nat64: Resolver = async () => [{ address: '64:ff9b::a00:1', family: 6 }];
    const unspecified: Resolver = async () => [{ address: '0.0.0.0', family: 4 }];
    // Staff read plain words, never ipaddr.js's range names.
    for (const [resolve, words] of [
      [mixed, 'a private address'],
      [cgnat, 'a private address'],
      [nat64, 'a reserved address'],
      [unspecified, 'a reserved address'],
    ] as const) {
      const refused = await safeGet('https://words.example/', { ...dev, resolve });
      const message = JSON.stringify(refused);
      expect(message).toContain(`words.example resolves to ${words}, which is not allowed.`);
      expect(message).not.toMatch(/carrierGradeNat|rfc6052|ipv4Mapped|unspecified|a unspecified/);
    }
    const metadata: Resolver = async () => [{ address: '169.254.169.254', family: 4 }];
    expect(await safeGet('https://metadata.example/', { ...dev, resolve: metadata })).toMatchObject({
      reason: 'blocked_address',
    });
    const mapped: Resolver = async () => [{ address: '::ffff:127.0.0.1', family: 6 }];
    expect(await safeGet('https://mapped.example/', { ...dev, resolve: mapped })).toMatchObject({
      reason: 'blocked_address',
    });
    const publicName: Resolver = async () => [{ address: '93.184.216.34', family: 4 }];
    expect(await safeGet('http://public.example/', { ...dev, resolve: publicName })).toMatchObject({
      reason: 'scheme',
    });
    const failing: Resolver = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    expect(await safeGet('https://nowhere.example/', { ...dev, resolve: failing })).toMatchObject({
      reason: 'dns',
    });
  });

  it('connects to the address it checked, not to a later DNS answer (rebinding)', async () => {
    const answers = ['127.0.0.1', '10.0.0.1'];
    let calls = 0;
    const rebinding: Resolver = async () => [{ address: answers[calls++] ?? '10.0.0.1', family: 4 }];
    const res = await safeGet(`http://receiver.test:${port}/pinned`, { ...dev, resolve: rebinding });
    expect(res).toMatchObject({ ok: true, status: 200, address: '127.0.0.1' });
    expect(calls).toBe(1);
    expect(hits.at(-1)).toEqual({ path: '/pinned', host: `receiver.test:${port}` });
  });

  it('does not follow redirects', async () => {
    const before = hits.length;
    const res = await safeGet(`http://127.0.0.1:${port}/redirect`, dev);
    expect(res).toMatchObject({ ok: true, status: 302 });
    expect(hits.slice(before).map((h) => h.path)).toEqual(['/redirect']);
  });

  it('caps the body', async () => {
    const res = await safeGet(`http://127.0.0.1:${port}/big`, dev);
    expect(res).toMatchObject({ ok: true, status: 200, bodyTruncated: true });
    expect(res.ok && res.body.length).toBe(4_096);
  });

  it('gives up at the deadline', async () => {
    const res = await safeGet(`http://127.0.0.1:${port}/hang`, { ...dev, timeoutMs: 300 });
    expect(res).toMatchObject({ ok: false, reason: 'timeout' });
    expect(res.durationMs).toBeGreaterThanOrEqual(250);
    expect(res.durationMs).toBeLessThan(2_000);
  });

  it('reports a TLS failure when the far end does not speak TLS', async () => {
    expect(await safeGet(`https://127.0.0.1:${port}/ok`, dev)).toMatchObject({ ok: false, reason: 'tls' });
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await safeGet(`http://127.0.0.1:${closedPort}/`, dev)).toMatchObject({
      ok: false,
      reason: 'network',
    });
  });
});
