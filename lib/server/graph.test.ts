import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function stubEnv(extra: Record<string, string>) {
  vi.stubEnv('GRAPH_API_BASE_URL', 'http://127.0.0.1:4010');
  vi.stubEnv('GRAPH_ACCESS_TOKEN', 'sbx-token-1234');
  vi.stubEnv('META_APP_ID', '670843887430001');
  vi.stubEnv('META_BUSINESS_IDS', '101000000000001');
  for (const [key, value] of Object.entries(extra)) vi.stubEnv(key, value);
}

describe('default client', () => {
  it('is built once from the environment', async () => {
    stubEnv({ META_APP_SECRET: 'shh-secret' });
    const { getGraphClient, getAppAccessToken } = await import('./graph');
    expect(getGraphClient()).toBe(getGraphClient());
    expect(getAppAccessToken()).toBe('670843887430001|shh-secret');
  });

  it('has no app access token without an app secret', async () => {
    stubEnv({});
    vi.stubEnv('META_APP_SECRET', undefined);
    const { getAppAccessToken } = await import('./graph');
    expect(getAppAccessToken()).toBeNull();
  });
});
