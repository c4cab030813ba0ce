import { invalidParameter } from './errors';

/** One entry of a `fields=` list: `phone_numbers.limit(50){id,webhook_configuration}`. */
export interface FieldSpec {
  name: string;
  /** `.limit(50)` → `{limit: '50'}`; also `.summary(total_count)`, `.after(cursor)`. */
  modifiers: Record<string, string>;
  children?: FieldSpec[];
}

const NAME = /[A-Za-z0-9_]/;

/**
 * Parses Graph's field-expansion syntax. Modifiers and the `{…}` block may come in either order
 * (`a.limit(2){id}` and `a{id}.limit(2)` both occur). Syntax errors are Graph's error 100.
 */
export function parseFields(input: string): FieldSpec[] {
  let pos = 0;
  const fail = (expected: string): never => {
    throw invalidParameter(`Syntax error "Expected ${expected}." at character ${pos}: ${input}`);
  };
  const skipSpace = () => {
    while (input[pos] === ' ') pos += 1;
  };
  const name = (): string => {
    const start = pos;
    while (pos < input.length && NAME.test(input[pos] ?? '')) pos += 1;
    if (pos === start) fail('a field name');
    return input.slice(start, pos);
  };
  const list = (): FieldSpec[] => {
    const specs: FieldSpec[] = [];
    for (;;) {
      skipSpace();
      if (input[pos] !== ',' && input[pos] !== '}' && pos < input.length) specs.push(field());
      skipSpace();
      if (input[pos] !== ',') return specs;
      pos += 1;
    }
  };
  const field = (): FieldSpec => {
    const spec: FieldSpec = { name: name(), modifiers: {} };
    for (;;) {
      if (input[pos] === '.') {
        pos += 1;
        const modifier = name();
        if (input[pos] !== '(') fail(`"(" after .${modifier}`);
        const close = input.indexOf(')', pos);
        if (close < 0) fail('")"');
        spec.modifiers[modifier] = input.slice(pos + 1, close).trim();
        pos = close + 1;
      } else if (input[pos] === '{') {
        if (spec.children) fail('a single {…} block');
        pos += 1;
        spec.children = list();
        if (input[pos] !== '}') fail('"}"');
        pos += 1;
      } else {
        return spec;
      }
    }
  };
  const specs = list();
  if (pos < input.length) fail('end of string');
  return specs;
}

/** The inverse of `parseFields`, used to build `paging.next` links for nested edges. */
export function serializeFields(specs: FieldSpec[]): string {
  return specs
    .map((spec) => {
      const modifiers = Object.entries(spec.modifiers)
        .map(([key, value]) => `.${key}(${value})`)
        .join('');
      const children = spec.children ? `{${serializeFields(spec.children)}}` : '';
      return `${spec.name}${modifiers}${children}`;
    })
    .join(',');
}
