/**
 * fast-check arbitraries for hostile form input, shared by fuzz tests: wrong types, unicode and control
 * characters, prototype-pollution keys, ids with path traversal or query strings, URLs with credentials or
 * forbidden schemes, oversized strings. Tests only.
 */
import fc from 'fast-check';

/** Keys that pollute prototypes when code merges input into objects naively, and React's action keys. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '$ACTION_ID_0', '$ACTION_REF_1'];

const controlChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
);

/** A string with a control character somewhere inside an otherwise ordinary value. */
export const withControlChar = (base: string) =>
  fc.tuple(fc.nat(base.length), controlChar).map(([at, c]) => `${base.slice(0, at)}${c}${base.slice(at)}`);

/** Any string, including lone surrogates, emoji, RTL marks and huge ones. */
export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\u202e',
    '\ufeff',
    '𝟙𝟚𝟛',
    'null',
    'undefined',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '$' + '{jndi:ldap://x}',
    '%00',
    ...POLLUTING_KEYS,
  ),
  fc.nat(300_000).map((n) => 'x'.repeat(n)),
);

/** Any value a server action could be sent (React serialises these), and a few it could not. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.oneof(anyString, fc.integer()), { maxLength: 4 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown),
);

/** Strings that are not Graph ids (digits only): traversal, queries, other numerals, padding, edges. */
export const badGraphId: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../1',
    '../../me/accounts',
    '1/../2',
    '..%2F1',
    '1?fields=access_token',
    '1&access_token=x',
    '1#x',
    '1/subscribed_apps',
    ' 123',
    '123 ',
    '123\n',
    '١٢٣',
    '１２３',
    '-1',
    '1e5',
    '0x1f',
    '1.0',
    'me',
    '__proto__',
    'constructor',
  ),
  withControlChar('102290129340001'),
  fc.string().filter((s) => !/^\d+$/.test(s)),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.constant('1'), { minLength: 1, maxLength: 2 }),
  fc.constant({ toString: () => '1' }),
);

/** Callback URLs Meta (and Switchboard) must refuse. */
export const badCallbackUrl: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/hook',
    'ws://example.com/hook',
    'http://example.com/hook',
    'http://169.254.169.254/latest/meta-data/',
    'https://user:pass@example.com/hook',
    'https://user@example.com/hook',
    'https://example.com/hook#frag',
    'https://exa mple.com/hook',
    ' https://example.com/hook',
    'https://example.com/hook ',
    '//example.com/hook',
    '/relative/path',
    'example.com/hook',
    'https://',
    `https://example.com/${'a'.repeat(200)}`,
  ),
  fc.integer({ min: 181, max: 5000 }).map((n) => `https://example.com/${'p'.repeat(n)}`),
  withControlChar('https://example.com/webhooks/whatsapp'),
  fc.webUrl({ withFragments: true }).map((u) => `${u}#f`),
  fc.webUrl().map((u) => u.replace(/^https?:/, 'javascript:')),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ href: 'https://example.com/hook' }),
);

/** Verify tokens Meta would not echo back as typed. */
export const badVerifyToken: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' token', 'token ', '\ttoken'),
  withControlChar('a-good-token'),
  fc.integer({ min: 513, max: 100_000 }).map((n) => 't'.repeat(n)),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.constant('token'), { minLength: 1, maxLength: 2 }),
);

export const badUuid: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    'not-a-uuid',
    '../00000000-0000-4000-8000-000000000000',
    '6f1c2a3b-1d2e-4f50-8a1b-2c3d4e5f6a7b?x=1',
    '6f1c2a3b-1d2e-4f50-8a1b-2c3d4e5f6a7b/../x',
    ' 6f1c2a3b-1d2e-4f50-8a1b-2c3d4e5f6a7b',
    '6f1c2a3b1d2e4f508a1b2c3d4e5f6a7b',
    '__proto__',
  ),
  fc.uuid().map((u) => `${u}\n`),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);

/** A value outside a closed set of words (roles, tiers, actions…). */
export const badEnum = (allowed: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom('', 'superadmin', '__proto__', 'constructor', 'toString', ' admin'),
    fc.constantFrom(...allowed).map((v) => v.toUpperCase()),
    fc.constantFrom(...allowed).map((v) => `${v} `),
    fc.string().filter((s) => !allowed.includes(s)),
    fc.integer(),
    fc.constant(null),
  );

/** A value as a form field would carry it (objects without a prototype have no `toString`). */
export function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return fc.stringify(value);
  }
}

/** Entries as a browser form would send them: every value text. */
export function toFormData(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) form.append(key, asText(value));
  }
  return form;
}
