import { createHmac, timingSafeEqual } from 'node:crypto';
import type { App } from './types';

export interface Delivery {
  at: string;
  headers: Record<string, string>;
  body: string;
  /** The fixture app whose secret matches `X-Hub-Signature-256`, or null when none does (or no header). */
  signedByAppId: string | null;
}

interface Receiver {
  verifyToken: string;
  /** Status answered to deliveries, so a failing receiver (and Meta's retries) can be rehearsed. */
  deliveryStatus: number;
  deliveries: Delivery[];
  /** `quoted`: answers every handshake with the JSON-quoted challenge, whatever the token (a naive receiver). */
  answer: 'exact' | 'quoted';
}

/** The verify tokens of the receivers every sandbox starts with (documented in the README and fixture). */
export const DEFAULT_RECEIVERS: Record<string, string> = {
  demo: 'switchboard-demo',
  helpdesk: 'helpdesk-demo',
};

const MAX_DELIVERIES = 1000;

/** Echo receivers under `/_sandbox/receiver/:name`: answer Meta's handshake and record deliveries. */
export class ReceiverRegistry {
  private receivers = new Map<string, Receiver>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.receivers = new Map(
      Object.entries(DEFAULT_RECEIVERS).map(([name, verifyToken]) => [
        name,
        { verifyToken, deliveryStatus: 200, deliveries: [], answer: 'exact' as const },
      ]),
    );
  }

  names(): string[] {
    return [...this.receivers.keys()];
  }

  verifyTokenOf(name: string): string | undefined {
    return this.receivers.get(name)?.verifyToken;
  }

  configure(
    name: string,
    config: { verifyToken: string; deliveryStatus?: number; answer?: 'exact' | 'quoted' },
  ): void {
    const existing = this.receivers.get(name);
    this.receivers.set(name, {
      verifyToken: config.verifyToken,
      deliveryStatus: config.deliveryStatus ?? 200,
      deliveries: existing?.deliveries ?? [],
      answer: config.answer ?? 'exact',
    });
  }

  /** Meta's handshake: the raw challenge when mode and token match, else 403; 404 for an unknown receiver. */
  handshake(name: string, query: URLSearchParams): { status: number; body: string } {
    const receiver = this.receivers.get(name);
    if (!receiver) return { status: 404, body: 'Not Found' };
    if (receiver.answer === 'quoted')
      return { status: 200, body: JSON.stringify(query.get('hub.challenge') ?? '') };
    const ok =
      query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === receiver.verifyToken;
    return ok ? { status: 200, body: query.get('hub.challenge') ?? '' } : { status: 403, body: 'Forbidden' };
  }

  /** Records a delivery and returns the status to answer; the signature is checked over the raw bytes. */
  record(name: string, headers: Record<string, string>, raw: Buffer, apps: App[]): number | undefined {
    const receiver = this.receivers.get(name);
    if (!receiver) return undefined;
    const signature = headers['x-hub-signature-256'] ?? '';
    const signer = apps.find((app) => signatureMatches(signature, raw, app.secret));
    const delivery = { at: new Date().toISOString(), headers, body: raw.toString('utf8') };
    receiver.deliveries.push({ ...delivery, signedByAppId: signer?.id ?? null });
    if (receiver.deliveries.length > MAX_DELIVERIES) receiver.deliveries.shift();
    return receiver.deliveryStatus;
  }

  deliveries(name: string): Delivery[] | undefined {
    const receiver = this.receivers.get(name);
    return receiver && [...receiver.deliveries];
  }

  clearDeliveries(name: string): void {
    const receiver = this.receivers.get(name);
    if (receiver) receiver.deliveries = [];
  }
}

export function signatureMatches(header: string, body: Buffer, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
