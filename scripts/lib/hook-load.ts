/**
 * Open-loop load against one receiver: requests leave on a fixed schedule whatever the server does, and
 * latency is measured from the scheduled send time, so a slow server cannot hide its queueing (no
 * coordinated omission). A share of requests re-send an earlier body (duplicates, as Meta's retries) and a
 * share carry a wrong signature. Loopback targets only; every loop is bounded by count and time.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';

export interface LoadOptions {
  url: string;
  appSecret: string;
  phoneNumberId: string;
  /** 0..1 of requests that re-send an earlier body. */
  duplicateShare: number;
  /** 0..1 of requests signed with a wrong secret. */
  badSignatureShare: number;
  /** Unique per run, so message ids never collide across runs. */
  runId: string;
  requestTimeoutMs?: number;
}

export type Answer = 'stored' | 'duplicate' | 'rejected' | 'error';

export interface StepResult {
  offeredRps: number;
  seconds: number;
  sent: number;
  answers: Record<Answer, number>;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const sign = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

export class HookLoad {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private sequence = 0;
  /** First copies the server acknowledged with 200: re-sent as duplicates, and checked after a crash. */
  readonly acknowledged: string[] = [];

  constructor(private readonly options: LoadOptions) {}

  private nextBody(): { body: string; duplicate: boolean } {
    const { duplicateShare } = this.options;
    if (this.acknowledged.length > 0 && Math.random() < duplicateShare) {
      const body = this.acknowledged[Math.floor(Math.random() * this.acknowledged.length)] as string;
      return { body, duplicate: true };
    }
    this.sequence += 1;
    const messageId = `wamid.bench.${this.options.runId}.${this.sequence}`;
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129300001',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '447700900123',
                  phone_number_id: this.options.phoneNumberId,
                },
                contacts: [{ profile: { name: 'Load Test' }, wa_id: '447700900999' }],
                messages: [
                  {
                    from: '447700900999',
                    id: messageId,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body: `Benchmark message ${this.sequence}` },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    return { body, duplicate: false };
  }

  /** Sends one delivery; resolves with what the server said. */
  async send(): Promise<Answer> {
    const { body, duplicate } = this.nextBody();
    const bad = Math.random() < this.options.badSignatureShare;
    const answer = await this.post(body, bad);
    if (!duplicate && !bad && (answer === 'stored' || answer === 'duplicate')) this.acknowledged.push(body);
    return answer;
  }

  /** POSTs one body, correctly signed unless `badSignature`. */
  post(body: string, badSignature = false): Promise<Answer> {
    const signature = sign(body, badSignature ? `${this.options.appSecret}-wrong` : this.options.appSecret);
    return new Promise<Answer>((resolve) => {
      const request = http.request(
        this.options.url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: this.options.requestTimeoutMs ?? 10_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-hub-signature-256': signature,
            'user-agent': 'facebookexternalua',
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            const outcome = response.headers['x-switchboard-delivery'];
            if (response.statusCode === 200 && (outcome === 'stored' || outcome === 'duplicate'))
              resolve(outcome);
            else resolve(response.statusCode === 401 ? 'rejected' : 'error');
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => resolve('error'));
      request.end(body);
    });
  }

  /** Offers `rate` requests per second for `seconds`, then waits (bounded) for the stragglers. */
  async step(rate: number, seconds: number, shouldStop: () => boolean = () => false): Promise<StepResult> {
    const latencies: number[] = [];
    const answers: Record<Answer, number> = { stored: 0, duplicate: 0, rejected: 0, error: 0 };
    const inFlight = new Set<Promise<void>>();
    const total = Math.round(rate * seconds);
    const start = performance.now();
    let sent = 0;
    while (sent < total && !shouldStop()) {
      const due = start + (sent * 1000) / rate;
      const now = performance.now();
      if (due > now) {
        await new Promise((r) => setTimeout(r, Math.max(0, Math.min(due - now, 5))));
        continue;
      }
      // Everything due by now leaves in this turn.
      while (sent < total && start + (sent * 1000) / rate <= performance.now()) {
        const scheduled = start + (sent * 1000) / rate;
        sent += 1;
        const p = this.send().then((answer) => {
          answers[answer] += 1;
          latencies.push(performance.now() - scheduled);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
    }
    await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 15_000))]);
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const answered = latencies.length;
    return {
      offeredRps: rate,
      seconds,
      sent,
      answers,
      achievedRps: Math.round(answered / elapsed),
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      maxMs: round(latencies.at(-1) ?? 0),
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
