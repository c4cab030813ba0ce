/**
 * The shared verification receiver (lib/graph-sandbox/verification-receiver.ts) for browser tests, with the
 * spec's verify token: /echo passes, /wrong and /quoted answer a wrong challenge, /missing 404, /private 401.
 */
import { startVerificationReceiver } from '@/lib/graph-sandbox/verification-receiver';

export interface TestReceiver {
  url(path: 'echo' | 'wrong' | 'quoted' | 'missing' | 'private'): string;
  verifyToken: string;
  /** Verification GETs received, newest last. */
  readonly hits: { path: string; mode: string | null; tokenMatched: boolean }[];
  close(): Promise<void>;
}

export async function startTestReceiver(verifyToken = 'e2e-verify-token'): Promise<TestReceiver> {
  const receiver = await startVerificationReceiver({ verifyToken });
  return {
    url: (path) => receiver.urlOf(path),
    verifyToken,
    get hits() {
      return receiver.requests.map((request) => {
        const url = new URL(request, 'http://127.0.0.1');
        return {
          path: url.pathname,
          mode: url.searchParams.get('hub.mode'),
          tokenMatched: url.searchParams.get('hub.verify_token') === verifyToken,
        };
      });
    },
    close: receiver.close,
  };
}
