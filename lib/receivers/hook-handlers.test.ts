import http from 'node:http';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiverDeliveries, receiverEvents } from '@/lib/db/schema';
import { signBody } from './signature';
import { messagesPayload, startReceiversTestbed } from './test-support';

// The production server answers on Node's own request/response, the Next route through Web Request/Response:
// both run the same handlers and must behave the same.
describe.each(['node', 'web'] as const)('over the %s transport', (transport) => {
  let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
  beforeAll(async () => {
    t = await startReceiversTestbed({ transport });
  });
  afterAll(() => t.close());

  async function deliveriesOf(receiverId: string) {
    return t.ctx.db
      .select()
      .from(receiverDeliveries)
      .where(eq(receiverDeliveries.receiverId, receiverId))
      .orderBy(receiverDeliveries.seq);
  }

  describe('verification handshake', () => {
    const handshake = (id: string, query: string) => fetch(`${t.origin}/api/hooks/${id}?${query}`);

    it('echoes the challenge exactly when mode and token match, 403 otherwise', async () => {
      const r = await t.create({ verifyToken: 'tok-123' });
      const ok = await handshake(
        r.id,
        'hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=tok-123',
      );
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('1158201444');
      const wrongToken = await handshake(r.id, 'hub.mode=subscribe&hub.challenge=1&hub.verify_token=tok-124');
      expect(wrongToken.status).toBe(403);
      expect(await wrongToken.text()).not.toContain('1');
      expect(
        (await handshake(r.id, 'hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=tok-123')).status,
      ).toBe(403);
      expect((await handshake(r.id, 'hub.challenge=1&hub.verify_token=tok-123')).status).toBe(403);
    });

    it('matches tokens containing + whether the sender encoded it or not, and spaces sent as +', async () => {
      const plus = await t.create({ verifyToken: 'a+b/c?d' });
      const encoded = await handshake(
        plus.id,
        `hub.mode=subscribe&hub.challenge=42&hub.verify_token=${encodeURIComponent('a+b/c?d')}`,
      );
      expect(encoded.status).toBe(200);
      const raw = await handshake(plus.id, 'hub.mode=subscribe&hub.challenge=43&hub.verify_token=a+b/c%3Fd');
      expect(await raw.text()).toBe('43');
      const spaced = await t.create({ verifyToken: 'two words' });
      const form = await handshake(
        spaced.id,
        'hub.mode=subscribe&hub.challenge=44&hub.verify_token=two+words',
      );
      expect(await form.text()).toBe('44');
      const challengePlus = await handshake(
        plus.id,
        'hub.mode=subscribe&hub.challenge=ab+c&hub.verify_token=a%2Bb%2Fc%3Fd',
      );
      expect(await challengePlus.text()).toBe('ab+c');
    });

    it('answers with nosniff, no framing and no script allowed, like every page', async () => {
      const r = await t.create({ verifyToken: 'tok-hdr' });
      for (const res of [
        await handshake(r.id, 'hub.mode=subscribe&hub.challenge=7&hub.verify_token=tok-hdr'),
        await handshake('not-a-uuid', 'hub.mode=subscribe'),
        await t.post(r.id, '{}', 'not-the-secret'),
      ]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      }
    });

    it('answers 404 for unknown and malformed receiver ids', async () => {
      expect((await handshake('00000000-0000-4000-8000-000000000000', 'hub.mode=subscribe')).status).toBe(
        404,
      );
      expect((await handshake('not-a-uuid', 'hub.mode=subscribe')).status).toBe(404);
    });
  });

  describe('signed deliveries', () => {
    it('stores a correctly signed delivery byte for byte before answering 200', async () => {
      const r = await t.create();
      // Odd spacing and an escaped character: only the raw bytes carry the right signature.
      const body = `{"object":"whatsapp_business_account",  "entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"555"},"messages":[{"id":"wamid.\\u00e9A"}]}}]}]}`;
      const res = await t.post(r.id, body, r.appSecret);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('EVENT_RECEIVED');
      expect(res.headers.get('x-switchboard-delivery')).toBe('stored');
      const [row] = await deliveriesOf(r.id);
      expect(row).toMatchObject({
        outcome: 'stored',
        body,
        bodyEncoding: 'utf8',
        signatureKey: 'current',
        phoneNumberIds: ['555'],
        fields: ['messages'],
        eventCount: 1,
        newEventCount: 1,
      });
    });

    it('refuses a signature made over re-serialised JSON, a wrong secret, and a missing header (401, headers only)', async () => {
      const r = await t.create();
      const body = '{ "object": "whatsapp_business_account", "entry": [] }';
      const reserialised = await t.post(r.id, body, null, {
        'x-hub-signature-256': signBody(JSON.stringify(JSON.parse(body)), r.appSecret),
      });
      expect(reserialised.status).toBe(401);
      expect((await t.post(r.id, body, 'not-the-secret')).status).toBe(401);
      expect((await t.post(r.id, body, null)).status).toBe(401);
      const rows = await deliveriesOf(r.id);
      expect(rows.map((d) => [d.outcome, d.rejectReason])).toEqual([
        ['rejected', 'bad_signature'],
        ['rejected', 'bad_signature'],
        ['rejected', 'missing_signature'],
      ]);
      for (const row of rows) {
        expect(row.body).toBeNull();
        expect(row.headers['content-type']).toBe('application/json');
        expect(row.bodyBytes).toBe(Buffer.byteLength(body));
      }
      const [first] = rows;
      expect(first?.headers['x-hub-signature-256']).toMatch(/^sha256=/);
    });

    it('stores a retried event once and still answers 200', async () => {
      const r = await t.create();
      const body = messagesPayload('777', ['wamid.retry-1']);
      const first = await t.post(r.id, body, r.appSecret);
      const retry = await t.post(r.id, body, r.appSecret);
      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(retry.headers.get('x-switchboard-delivery')).toBe('duplicate');
      const rows = await deliveriesOf(r.id);
      expect(rows.map((d) => d.outcome)).toEqual(['stored', 'duplicate']);
      expect(rows[1]?.body).toBeNull();
      const events = await t.ctx.db.select().from(receiverEvents).where(eq(receiverEvents.receiverId, r.id));
      expect(events).toHaveLength(1);
    });

    it('deduplicates concurrent copies that land in the same write', async () => {
      const r = await t.create();
      const body = messagesPayload('778', ['wamid.burst']);
      const answers = await Promise.all(Array.from({ length: 20 }, () => t.post(r.id, body, r.appSecret)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const outcomes = answers.map((a) => a.headers.get('x-switchboard-delivery'));
      expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(19);
    });

    it('keeps dedupe per receiver: the same event sent to two receivers is stored by both', async () => {
      const a = await t.create();
      const b = await t.create();
      const body = messagesPayload('779', ['wamid.shared']);
      expect((await t.post(a.id, body, a.appSecret)).headers.get('x-switchboard-delivery')).toBe('stored');
      expect((await t.post(b.id, body, b.appSecret)).headers.get('x-switchboard-delivery')).toBe('stored');
    });

    it('treats each status of a message as its own event', async () => {
      const r = await t.create();
      const status = (s: string) =>
        JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [
            {
              id: '1',
              changes: [
                {
                  field: 'messages',
                  value: { metadata: { phone_number_id: '9' }, statuses: [{ id: 'wamid.S', status: s }] },
                },
              ],
            },
          ],
        });
      for (const s of ['sent', 'delivered', 'read', 'delivered']) await t.post(r.id, status(s), r.appSecret);
      expect((await deliveriesOf(r.id)).map((d) => d.outcome)).toEqual([
        'stored',
        'stored',
        'stored',
        'duplicate',
      ]);
    });

    it('reads every entry and every change', async () => {
      const r = await t.create();
      const change = (field: string, phone: string, ids: string[]) => ({
        field,
        value: { metadata: { phone_number_id: phone }, messages: ids.map((id) => ({ id })) },
      });
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'waba-1',
            changes: [
              change('messages', 'p1', ['m1', 'm2']),
              { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
            ],
          },
          { id: 'waba-2', changes: [change('messages', 'p2', ['m3'])] },
        ],
      });
      await t.post(r.id, body, r.appSecret);
      const [row] = await deliveriesOf(r.id);
      expect(row).toMatchObject({
        eventCount: 4,
        newEventCount: 4,
        fields: ['messages', 'account_update'],
        phoneNumberIds: ['p1', 'p2'],
        wabaIds: ['waba-1', 'waba-2'],
      });
      // A later delivery that repeats m3 but adds m4 brings something new, so it is stored.
      const partly = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: 'waba-2', changes: [change('messages', 'p2', ['m3', 'm4'])] }],
      });
      const res = await t.post(r.id, partly, r.appSecret);
      expect(res.headers.get('x-switchboard-delivery')).toBe('stored');
      const rows = await deliveriesOf(r.id);
      expect(rows[1]).toMatchObject({ eventCount: 2, newEventCount: 1 });
    });

    it('records the tier the sandbox says routed the delivery, and ignores nonsense values', async () => {
      const r = await t.create();
      await t.post(r.id, messagesPayload('1', ['wamid.t1']), r.appSecret, {
        'x-sandbox-routing-tier': 'phone_number',
      });
      await t.post(r.id, messagesPayload('1', ['wamid.t2']), r.appSecret, {
        'x-sandbox-routing-tier': 'bogus',
      });
      expect((await deliveriesOf(r.id)).map((d) => d.routedTier)).toEqual(['phone_number', null]);
    });

    it('never stores cookies or authorization headers', async () => {
      const r = await t.create();
      await t.post(r.id, messagesPayload('1', ['wamid.h']), r.appSecret, {
        cookie: 'a=b',
        authorization: 'Bearer x',
      });
      const [row] = await deliveriesOf(r.id);
      expect(row?.headers.cookie).toBeUndefined();
      expect(row?.headers.authorization).toBeUndefined();
    });
  });

  describe('body size limit', () => {
    it('refuses a declared body over 3 MB with 413 and records it without the body', async () => {
      const r = await t.create();
      const big = Buffer.alloc(3 * 1024 * 1024 + 1, 0x20);
      const res = await t.post(r.id, big, r.appSecret);
      expect(res.status).toBe(413);
      const rows = await t.ctx.db
        .select()
        .from(receiverDeliveries)
        .where(
          and(eq(receiverDeliveries.receiverId, r.id), eq(receiverDeliveries.rejectReason, 'too_large')),
        );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.body).toBeNull();
    });

    it('accepts exactly 3 MB', async () => {
      const r = await t.create();
      const head = messagesPayload('1', ['wamid.big']);
      const body = `${head.slice(0, -1)}${' '.repeat(3 * 1024 * 1024 - head.length)}}`;
      expect(Buffer.byteLength(body)).toBe(3 * 1024 * 1024);
      expect((await t.post(r.id, body, r.appSecret)).status).toBe(200);
    });

    it('stops reading a streamed body without Content-Length once it passes the limit', async () => {
      const r = await t.create();
      const { status, sent } = await streamUntilAnswered(`${t.origin}/api/hooks/${r.id}`, 40 * 1024 * 1024);
      expect(status).toBe(413);
      // The answer came long before the sender would have finished.
      expect(sent).toBeLessThan(20 * 1024 * 1024);
    });
  });
});

/** Sends a chunked body (no Content-Length) until the server answers or `max` bytes have gone out. */
function streamUntilAnswered(url: string, max: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const request = http.request(url, {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked', 'x-hub-signature-256': 'sha256=00' },
    });
    request.on('response', (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, sent });
      request.destroy();
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < max) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}
