/**
 * The shared verification receiver (lib/graph-sandbox/verification-receiver.ts) seen by mode: the URL of the
 * path that echoes the challenge (pass), answers a wrong one, a JSON-quoted one, or 404 (fail).
 */
import { startVerificationReceiver, type VerificationPath } from '@/lib/graph-sandbox/verification-receiver';

export type CallbackMode = 'echo' | 'wrong-challenge' | 'not-found' | 'json-quoted';

const PATH_OF: Record<CallbackMode, VerificationPath> = {
  echo: 'echo',
  'wrong-challenge': 'wrong',
  'not-found': 'missing',
  'json-quoted': 'quoted',
};

export interface CallbackServer {
  /** `http://127.0.0.1:<port>/<path>` (loopback http is accepted by the sandbox). */
  url: string;
  /** The `hub.*` query of every verification GET received. */
  readonly checks: URLSearchParams[];
  close(): Promise<void>;
}

/** `expectedVerifyToken`: the token the echo accepts (any when undefined). */
export async function startCallbackServer(
  mode: CallbackMode,
  expectedVerifyToken?: string,
): Promise<CallbackServer> {
  const receiver = await startVerificationReceiver({ verifyToken: expectedVerifyToken });
  return {
    url: receiver.urlOf(PATH_OF[mode]),
    get checks() {
      return receiver.requests.map((request) => new URL(request, 'http://receiver.local').searchParams);
    },
    close: receiver.close,
  };
}
