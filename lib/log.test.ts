import { describe, expect, it } from 'vitest';
import { registerSecret, scrub } from './log';

describe('scrub', () => {
  it('removes registered secrets wherever they appear in a string', () => {
    registerSecret('sbx-sys-1234-very-secret-token');
    expect(scrub('GET /v23.0/1?x=1 failed with sbx-sys-1234-very-secret-token inside')).toBe(
      'GET /v23.0/1?x=1 failed with [redacted] inside',
    );
  });

  it('removes token query parameters even when the value was never registered', () => {
    expect(scrub('https://h/x?access_token=abc123&hub.verify_token=t0k&fields=id')).toBe(
      'https://h/x?access_token=[redacted]&hub.verify_token=[redacted]&fields=id',
    );
  });

  it('ignores values too short to be secrets rather than shredding ordinary text', () => {
    registerSecret('abc');
    expect(scrub('abc is fine')).toBe('abc is fine');
  });
});
