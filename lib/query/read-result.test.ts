import { describe, expect, it } from 'vitest';
import { GraphError } from '@/lib/graph/errors';
import { failureOf, ReadError, unwrapRead } from './read-result';
import { readSafely } from './read-safely';

describe('unwrapRead', () => {
  it('returns the data of a successful read', () => {
    expect(unwrapRead({ ok: true, data: 42 })).toBe(42);
  });

  it('throws a ReadError carrying the Graph failure view', () => {
    const failure = {
      code: 190,
      subcode: null,
      fbtraceId: 'T1',
      message: 'Token expired (Graph error 190, fbtrace_id T1)',
      suggestSubscribe: false,
      retryAfterSeconds: null,
    };
    const thrown = (() => {
      try {
        unwrapRead({ ok: false, failure });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ReadError);
    expect(failureOf(thrown)).toEqual(failure);
  });
});

describe('readSafely', () => {
  it('turns a GraphError into the sentence the console shows, with code and fbtrace_id', async () => {
    const result = await readSafely(async () => {
      throw new GraphError({
        message: '(#80008) There have been too many calls to this WhatsApp Business account.',
        code: 80008,
        fbtraceId: 'AbC',
        retryAfterSeconds: 300,
        method: 'GET',
        path: '/123',
      });
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.code).toBe(80008);
    expect(result.failure.retryAfterSeconds).toBe(300);
    expect(result.failure.message).toContain('Try again in about 5 minutes');
    expect(result.failure.message).toContain('fbtrace_id AbC');
  });

  it('passes data through', async () => {
    expect(await readSafely(async () => 'x')).toEqual({ ok: true, data: 'x' });
  });
});
