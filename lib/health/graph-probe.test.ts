import { describe, expect, it } from 'vitest';
import { withSandbox } from '@/lib/graph/test-helpers/sandbox';
import { probeGraph } from './graph-probe';

const h = withSandbox();

describe('probeGraph', () => {
  it('is ok with a working token, after one read of the first business', async () => {
    await h.reset();
    const business = h.fixture.businesses[0]?.id ?? '';
    const probe = await probeGraph(h.client(0), business);
    expect(probe).toMatchObject({ ok: true });
    expect(probe.ms).toBeGreaterThanOrEqual(0);
    const calls = await h.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toContain(`${business}/owned_whatsapp_business_accounts`);
  });

  it('reports a bad token as code 190 without repeating the token', async () => {
    const business = h.fixture.businesses[0]?.id ?? '';
    const token = 'EAAG-not-a-real-token-1234567890';
    const probe = await probeGraph(h.client(0, { accessToken: token, maxRetries: 0 }), business);
    expect(probe).toMatchObject({ ok: false, code: 190 });
    expect(probe.message).toBeTruthy();
    expect(JSON.stringify(probe)).not.toContain(token);
  });

  it('reports an unreachable Graph', async () => {
    const probe = await probeGraph(
      h.client(0, { baseUrl: 'http://127.0.0.1:9', maxRetries: 0, timeoutMs: 1_000 }),
      '1',
    );
    expect(probe.ok).toBe(false);
    expect(probe.message).toBeTruthy();
  });
});
