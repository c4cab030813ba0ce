import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const valid = {
  GRAPH_ACCESS_TOKEN: 'sbx-token',
  META_APP_ID: '1234567890',
  META_BUSINESS_IDS: '111, 222',
};

describe('parseConfig', () => {
  it('applies defaults and splits the business list', () => {
    const config = parseConfig(valid);
    expect(config.GRAPH_API_BASE_URL).toBe('https://graph.facebook.com');
    expect(config.GRAPH_API_VERSION).toBe('v23.0');
    expect(config.META_BUSINESS_IDS).toEqual(['111', '222']);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe('.data/app');
    expect(config.PORT).toBe(3000);
    expect(config.ALLOW_LOOPBACK_CALLBACKS).toBe(false);
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      parseConfig({ ...valid, GRAPH_API_VERSION: '23', META_BUSINESS_IDS: 'abc', PORT: 'eighty' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/GRAPH_API_VERSION must look like v23.0/);
    expect(attempt).toThrow(/META_BUSINESS_IDS ids must be numeric/);
    expect(attempt).toThrow(/PORT/);
  });

  it('requires the access token and app id', () => {
    expect(() => parseConfig({ META_BUSINESS_IDS: '1' })).toThrow(/GRAPH_ACCESS_TOKEN[\s\S]*META_APP_ID/);
  });

  it('requires NEXTAUTH_SECRET in production unless in demo mode', () => {
    expect(() => parseConfig({ ...valid, NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET is required/);
    expect(parseConfig({ ...valid, NODE_ENV: 'production', SWITCHBOARD_DEMO: '1' }).SWITCHBOARD_DEMO).toBe(
      true,
    );
    expect(
      parseConfig({ ...valid, NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32) }).NEXTAUTH_SECRET,
    ).toHaveLength(32);
  });

  it('never echoes the value of a secret in its message', () => {
    try {
      parseConfig({ ...valid, NEXTAUTH_SECRET: 'short-secret' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/NEXTAUTH_SECRET must be at least 16 characters/);
      expect((error as Error).message).not.toContain('short-secret');
    }
  });
});
