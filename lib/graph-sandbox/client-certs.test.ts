import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_CLIENT_CERT_CN } from './client-certs';
import { startTestSandbox } from './test-helpers';

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.sandbox.close();
});

describe('the emitter client certificate (mTLS)', () => {
  it('exposes a CA certificate in the fixture', () => {
    const ca = new X509Certificate(t.fixture.webhookClientCa);
    expect(ca.ca).toBe(true);
    expect(ca.subject).not.toContain(META_CLIENT_CERT_CN);
  });

  it('switches between valid, none, wrong_cn and wrong_ca; refuses anything else; reset restores valid', async () => {
    expect((await t.control('/client-cert')).body).toEqual({ mode: 'valid' });
    for (const mode of ['none', 'wrong_cn', 'wrong_ca', 'valid']) {
      expect((await t.control('/client-cert', { json: { mode } })).body).toEqual({ mode });
    }
    const bad = await t.control<{ error: string }>('/client-cert', { json: { mode: 'expired' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('valid, none, wrong_cn, wrong_ca');
    await t.control('/client-cert', { json: { mode: 'none' } });
    await t.reset();
    expect((await t.control('/client-cert')).body).toEqual({ mode: 'valid' });
  });
});
