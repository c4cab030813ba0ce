import { describe, expect, it } from 'vitest';
import {
  checkOverrideCallbackUri,
  checkVerifyToken,
  clearPhoneOverrideInputSchema,
  overrideInputSchema,
  setPhoneOverrideInputSchema,
} from './validation';

function firstMessages(allowLoopback: boolean, input: unknown): Record<string, string | undefined> {
  const parsed = overrideInputSchema(allowLoopback).safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('checkOverrideCallbackUri', () => {
  it('accepts an https URL with a path and query', () => {
    expect(checkOverrideCallbackUri('https://hooks.example.com/wa?tenant=7', false)).toBeNull();
  });

  it('counts characters against the 200 limit', () => {
    const base = 'https://example.com/';
    const url200 = base + 'a'.repeat(200 - base.length);
    expect(checkOverrideCallbackUri(url200, false)).toBeNull();
    expect(checkOverrideCallbackUri(`${url200}b`, false)).toBe('At most 200 characters (this one has 201).');
  });

  it('asks for https', () => {
    expect(checkOverrideCallbackUri('http://example.com/hook', false)).toBe(
      'Use https:// — Meta only calls HTTPS callback URLs.',
    );
    expect(checkOverrideCallbackUri('ftp://example.com/hook', true)).toBe(
      'Use https:// — Meta only calls HTTPS callback URLs.',
    );
  });

  it('accepts http:// on loopback hosts only when allowed', () => {
    for (const url of [
      'http://localhost:4000/hook',
      'http://127.0.0.1:4000/hook',
      'http://[::1]:4000/',
      'http://127.9.9.9/',
    ]) {
      expect(checkOverrideCallbackUri(url, true)).toBeNull();
      expect(checkOverrideCallbackUri(url, false)).toBe(
        'Use https:// — Meta only calls HTTPS callback URLs.',
      );
    }
    expect(checkOverrideCallbackUri('http://10.0.0.1/hook', true)).toMatch(
      /^Use https:\/\/.*only for localhost/,
    );
    expect(checkOverrideCallbackUri('http://localhost.evil.example/', true)).toMatch(/^Use https:\/\//);
  });

  it('refuses whitespace, control characters, fragments and credentials with specific messages', () => {
    expect(checkOverrideCallbackUri(' https://example.com/', false)).toMatch(/whitespace/);
    expect(checkOverrideCallbackUri('https://example.com/a b', false)).toMatch(/whitespace/);
    expect(checkOverrideCallbackUri('https://example.com/\tx', false)).toMatch(/control character/);
    expect(checkOverrideCallbackUri('https://example.com/\u0085', false)).toMatch(/control character/);
    expect(checkOverrideCallbackUri('https://example.com/hook#frag', false)).toBe(
      'Remove the #fragment — it is never sent to the receiver.',
    );
    expect(checkOverrideCallbackUri('https://example.com/hook#', false)).toMatch(/#fragment/);
    expect(checkOverrideCallbackUri('https://u:p@example.com/', false)).toBe(
      'Remove the user name and password from the URL.',
    );
  });

  it('explains an unparsable URL and an empty one', () => {
    expect(checkOverrideCallbackUri('example.com/hook', false)).toBe(
      'Enter a full URL, like https://example.com/webhooks/whatsapp.',
    );
    expect(checkOverrideCallbackUri('', false)).toBe('Enter the callback URL.');
  });
});

describe('checkVerifyToken', () => {
  it('accepts ordinary tokens, including + and inner spaces', () => {
    expect(checkVerifyToken('s3cret+token with space')).toBeNull();
  });

  it('refuses empty, padded, control and overlong tokens', () => {
    expect(checkVerifyToken('')).toBe('Enter the verify token your receiver expects.');
    expect(checkVerifyToken(' tok')).toMatch(/spaces at the start or end/);
    expect(checkVerifyToken('tok ')).toMatch(/spaces at the start or end/);
    expect(checkVerifyToken('to\nk')).toMatch(/control character/);
    expect(checkVerifyToken('t'.repeat(513))).toBe('At most 512 characters (this one has 513).');
  });

  it('refuses half an emoji (a lone surrogate) in tokens and URLs, but not whole emoji', () => {
    expect(checkVerifyToken('tok\ud83dxx')).toMatch(/broken character/);
    expect(checkOverrideCallbackUri('https://example.com/\udd11', false)).toMatch(/broken character/);
    expect(checkVerifyToken('tok🔑en')).toBeNull();
  });
});

describe('schemas', () => {
  it('puts each message on its field', () => {
    expect(firstMessages(false, { overrideCallbackUri: 'http://example.com', verifyToken: ' x' })).toEqual({
      overrideCallbackUri: 'Use https:// — Meta only calls HTTPS callback URLs.',
      verifyToken: 'Remove the spaces at the start or end — Meta sends the token exactly as typed.',
    });
    expect(firstMessages(false, {})).toEqual({
      overrideCallbackUri: 'Enter the callback URL.',
      verifyToken: 'Enter the verify token your receiver expects.',
    });
  });

  it('reads action input as a form sends it', () => {
    const parsed = setPhoneOverrideInputSchema(false).parse({
      phoneNumberId: '1234',
      overrideCallbackUri: 'https://example.com/hook',
      verifyToken: 'tok',
      expected: '',
    });
    expect(parsed.expected).toBeNull();
    expect(
      clearPhoneOverrideInputSchema.parse({ phoneNumberId: '1', expected: 'https://a.example/' }).expected,
    ).toBe('https://a.example/');
    expect(clearPhoneOverrideInputSchema.safeParse({ phoneNumberId: '../me', expected: null }).success).toBe(
      false,
    );
  });
});
