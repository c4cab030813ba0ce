/**
 * CSV per RFC 4180 (csv-stringify), safe to open in a spreadsheet: text that a spreadsheet would read as a
 * formula (starting with = + - @, tab or carriage return, or their full-width forms) gets an apostrophe in
 * front and is quoted, so a URL, name or message someone else typed cannot run in the reader's Excel (OWASP
 * "CSV injection"). Numbers stay numbers (-1 is data, not a formula); dates are ISO instants; objects are JSON.
 */
import { type Options, stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const OPTIONS: Options = {
  record_delimiter: '\r\n',
  // A line break inside a cell must be quoted (RFC 4180); csv-stringify only quotes the whole `\r\n` sequence.
  quoted_match: /[\r\n]/,
  cast: {
    string: (value) => {
      if (FORMULA_START.test(value)) return { value: `'${value}`, quoted: true };
      // Quoted so a reader cannot mistake our own apostrophe prefix for the value's.
      if (value.startsWith("'")) return { value, quoted: true };
      return value;
    },
    boolean: (value) => String(value),
    date: (value) => value.toISOString(),
    object: (value) => JSON.stringify(value),
    bigint: (value) => String(value),
  },
};

export function csvRows(rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as unknown[][], OPTIONS);
}

export function csvRow(values: readonly unknown[]): string {
  return csvRows([values]);
}

/** One cell as it appears in a row (no delimiter). */
export function csvCell(value: unknown): string {
  return csvRow([value]).slice(0, -2);
}

export type CsvColumns<R> = ReadonlyArray<readonly [string, (row: R) => unknown]>;

export function csvHeader<R>(columns: CsvColumns<R>): string {
  return csvRow(columns.map(([name]) => name));
}

export function csvRecords<R>(columns: CsvColumns<R>, rows: readonly R[]): string {
  return csvRows(rows.map((row) => columns.map(([, get]) => get(row))));
}
