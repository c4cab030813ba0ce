/**
 * Meta's verification GET (docs/graph-facts.md §7): answer 200 with exactly `hub.challenge` when `hub.mode` is
 * `subscribe` and `hub.verify_token` matches, 403 otherwise.
 *
 * Query decoding is the classic trap: form decoding turns `+` into a space, so a token containing `+` sent
 * unencoded would never match. Each parameter is therefore read both ways (form decoding and plain
 * percent-decoding) and the token matches if either reading equals it. The challenge is echoed percent-decoded
 * only, so a literal `+` comes back as `+`.
 */
import { timingSafeEqual } from 'node:crypto';

export interface HandshakeAnswer {
  status: 200 | 403;
  body: string;
}

function readings(rawQuery: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of rawQuery.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (safeDecode(key.replace(/\+/g, ' ')) !== name) continue;
    const raw = eq === -1 ? '' : pair.slice(eq + 1);
    const plain = safeDecode(raw);
    const form = safeDecode(raw.replace(/\+/g, ' '));
    if (plain !== null) values.push(plain);
    if (form !== null && form !== plain) values.push(form);
    break;
  }
  return values;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `rawQuery` is the URL's search string exactly as received (`?hub.mode=…`). */
export function answerHandshake(rawQuery: string, verifyToken: string): HandshakeAnswer {
  const modeOk = readings(rawQuery, 'hub.mode').includes('subscribe');
  const tokens = readings(rawQuery, 'hub.verify_token');
  // Evaluate every reading so timing does not reveal which one matched.
  const tokenOk = tokens.map((t) => sameText(t, verifyToken)).some(Boolean);
  const challenge = readings(rawQuery, 'hub.challenge')[0];
  if (!modeOk || !tokenOk || challenge === undefined) return { status: 403, body: 'Forbidden' };
  return { status: 200, body: challenge };
}
