import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, secretsOfToken } from './redact';

describe('redactSecrets', () => {
  it('removes raw, URL-encoded and form-encoded secrets', () => {
    const secret = 'EAAB tok/en+1|x';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${encodeURIComponent(secret).replace(/%20/g, '+')}`;
    const out = redactSecrets(text, [secret]);
    expect(out).not.toContain('EAAB');
    expect(out.split(REDACTED)).toHaveLength(4);
  });

  it('removes token-looking parameters and bearer headers even when the secret is unknown', () => {
    const out = redactSecrets(
      'GET /v23.0/1?access_token=abc123&fields=id input_token=zzz verify_token=vvv Authorization: Bearer qqq',
      [],
    );
    expect(out).toBe(
      `GET /v23.0/1?access_token=${REDACTED}&fields=id input_token=${REDACTED} verify_token=${REDACTED} Authorization: Bearer ${REDACTED}`,
    );
  });

  it('ignores empty and very short secrets', () => {
    expect(redactSecrets('a b c', ['', 'a', null, undefined])).toBe('a b c');
  });

  it('removes the longest secret first', () => {
    expect(redactSecrets('123|secretvalue', ['123|secretvalue', 'secretvalue'])).toBe(REDACTED);
  });
});

describe('secretsOfToken', () => {
  it('splits app access tokens into token and app secret', () => {
    expect(secretsOfToken('123|shh-secret')).toEqual(['123|shh-secret', 'shh-secret']);
    expect(secretsOfToken('EAAtoken')).toEqual(['EAAtoken']);
    expect(secretsOfToken(undefined)).toEqual([]);
  });
});
