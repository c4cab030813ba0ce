import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './stringify';

describe('CSV cells', () => {
  it('leaves plain values alone and empties null', () => {
    expect(csvRow(['waba.subscribe', 100, null, undefined, true])).toBe('waba.subscribe,100,,,true\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+2')).toBe(`"'+1+2"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    // Numbers are data, not text typed by anyone: a negative error code stays a number.
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes dates as ISO instants and objects as JSON', () => {
    expect(csvCell(new Date('2026-03-01T12:00:00Z'))).toBe('2026-03-01T12:00:00.000Z');
    expect(csvCell({ url: 'https://x.example/a,b', n: 1 })).toBe(
      '"{""url"":""https://x.example/a,b"",""n"":1}"',
    );
  });
});
