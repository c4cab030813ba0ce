import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../lib/graph-sandbox/server';
import { demoBanner } from './demo-banner';

describe('demo banner', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it("prints the echo receiver's URL and its verify token, which Meta's handshake accepts", async () => {
    const text = demoBanner({
      appUrl: 'http://localhost:3000',
      sandboxUrl: sandbox.url,
      fixture: sandbox.fixture,
      users: { admin: { email: 'admin@example.com', password: 'pw' } },
    });
    const url = text.match(/URL: +(\S+)/)?.[1];
    const token = text.match(/Verify token: +(\S+)/)?.[1];
    expect(url).toBe(sandbox.fixture.receiverUrl);
    expect(text).not.toContain('see GET');
    // The printed pair passes the receiver's verification: the token is the real one.
    const res = await fetch(
      `${url}?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${encodeURIComponent(token ?? '')}`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('42');
  });
});
