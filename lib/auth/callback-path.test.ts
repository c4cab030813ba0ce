import { describe, expect, it } from 'vitest';
import { safeCallbackFromUrl, safeCallbackPath } from './callback-path';

describe('safeCallbackPath', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeCallbackPath('/activity?outcome=failure')).toBe('/activity?outcome=failure');
    expect(safeCallbackPath('/numbers/123')).toBe('/numbers/123');
  });

  it.each([
    ['//evil.example/x'],
    ['/\\evil.example/x'],
    ['/\t/127.0.0.1:4214/landed'],
    ['/\t\\127.0.0.1:4214/landed'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['/ /evil.example'.replace(' ', '\u0009')],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    [''],
    [null],
    [undefined],
  ])('refuses %j, which a browser would take off this origin', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('encodes newlines, CR and non-ASCII so the value is a valid Location header', () => {
    for (const value of ['/a\nb', '/a\rb', '/caf\u00e9', '/x?q=\u{1F600}', '/%ff%fe']) {
      const path = safeCallbackPath(value);
      expect(path.startsWith('/')).toBe(true);
      expect(path).toMatch(/^[\x21-\x7e]*$/);
      expect(() => new Headers({ location: path })).not.toThrow();
    }
  });
});

describe('safeCallbackFromUrl', () => {
  const own = 'http://127.0.0.1:3000';
  it('keeps a same-origin absolute URL as its path and drops another origin', () => {
    expect(safeCallbackFromUrl('http://127.0.0.1:3000/wabas?x=1', own)).toBe('/wabas?x=1');
    expect(safeCallbackFromUrl('http://localhost:3000/wabas', own)).toBe('/');
    expect(safeCallbackFromUrl('http://127.0.0.1:3000/%09/evil.example', own)).toBe('/%09/evil.example');
    expect(safeCallbackFromUrl('/\t/evil.example', own)).toBe('/');
  });
});
