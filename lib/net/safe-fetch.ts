/**
 * The one guarded outbound request for URLs typed by staff (callback preflight). It refuses anything but
 * https (http only to loopback, only when allowed), resolves DNS itself and refuses private and other special
 * addresses, then pins the connection to the address it checked so a second resolution (DNS rebinding) cannot
 * send it elsewhere. No redirects are followed, the body is capped and the whole exchange has one deadline.
 */
import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { rootCertificates, type TLSSocket } from 'node:tls';
import { type AddressVerdict, classifyAddress, ipLiteralOf } from './address-policy';

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SafeGetOptions {
  allowLoopback: boolean;
  timeoutMs: number;
  maxBodyBytes: number;
  headers?: Record<string, string>;
  /** Seam for tests (rebinding, blocked answers); defaults to the system resolver. */
  resolve?: Resolver;
  /**
   * PEM certificates trusted on top of Node's roots (a test's own CA). Verification stays on: this only
   * adds roots, it never accepts an untrusted or mismatched certificate.
   */
  trustCa?: readonly string[];
}

/** The server certificate an https answer came with, read from the verified TLS socket. */
export interface PeerCertificate {
  subject: string;
  issuer: string;
  /** ISO time the certificate stops being valid. */
  validTo: string;
  /** Whole days from now until `validTo` (negative once past). */
  daysLeft: number;
}

export type SafeFetchFailure =
  | 'invalid_url'
  | 'scheme'
  | 'blocked_address'
  | 'dns'
  | 'timeout'
  | 'tls'
  | 'network';

export type SafeGetResult =
  | {
      ok: true;
      status: number;
      body: string;
      bodyTruncated: boolean;
      durationMs: number;
      address: string;
      /** Only for https. */
      certificate?: PeerCertificate;
    }
  | { ok: false; reason: SafeFetchFailure; detail: string; durationMs: number };

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

class Refused extends Error {
  constructor(
    readonly reason: SafeFetchFailure,
    detail: string,
  ) {
    super(detail);
  }
}

async function pickAddress(url: URL, options: SafeGetOptions): Promise<AddressVerdict & { allowed: true }> {
  const policy = { allowLoopback: options.allowLoopback };
  const literal = ipLiteralOf(url.hostname);
  let answers: ResolvedAddress[];
  if (literal) {
    answers = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  } else {
    try {
      answers = await (options.resolve ?? systemResolver)(url.hostname);
    } catch {
      throw new Refused('dns', `The host name ${url.hostname} does not resolve.`);
    }
    if (answers.length === 0) throw new Refused('dns', `The host name ${url.hostname} does not resolve.`);
  }
  const verdicts = answers.map((a) => classifyAddress(a.address, policy));
  // Any refused answer refuses the host: a name that mixes public and private answers is a rebinding setup.
  const refused = verdicts.find((v) => !v.allowed);
  if (refused) {
    throw new Refused(
      'blocked_address',
      `${url.hostname} resolves to ${describeRange(refused.range)}, which is not allowed.`,
    );
  }
  const allowed = verdicts.filter((v): v is AddressVerdict & { allowed: true } => v.allowed);
  if (url.protocol === 'http:' && allowed.some((v) => v.range !== 'loopback')) {
    throw new Refused('scheme', 'http:// is only allowed for loopback receivers; use https://.');
  }
  // Prefer IPv4: local receivers commonly listen on 127.0.0.1 only.
  const chosen = allowed.find((v) => v.family === 4) ?? allowed[0];
  if (!chosen) throw new Refused('dns', `The host name ${url.hostname} does not resolve.`);
  return chosen;
}

function checkUrl(raw: string, allowLoopback: boolean): URL {
  if (!URL.canParse(raw)) throw new Refused('invalid_url', 'This is not a valid URL.');
  const url = new URL(raw);
  if (url.username || url.password)
    throw new Refused('invalid_url', 'URLs with credentials are not fetched.');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && allowLoopback) return url;
  throw new Refused('scheme', 'Only https:// URLs are fetched.');
}

function classifyNetworkError(error: unknown): { reason: SafeFetchFailure; detail: string } {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (/CERT|SSL|TLS|EPROTO|ALTNAME|SELF_SIGNED|VERIFY/i.test(code)) {
    return { reason: 'tls', detail: `The TLS handshake failed (${code}).` };
  }
  if (code === 'ECONNREFUSED') return { reason: 'network', detail: 'The connection was refused.' };
  if (code === 'ECONNRESET') return { reason: 'network', detail: 'The connection was reset.' };
  return { reason: 'network', detail: code ? `The request failed (${code}).` : 'The request failed.' };
}

const DAY_MS = 86_400_000;

/** Node types a repeated RDN as an array. */
function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function peerCertificateOf(socket: unknown): PeerCertificate | undefined {
  const tlsSocket = socket as Partial<TLSSocket> | null;
  if (typeof tlsSocket?.getPeerCertificate !== 'function') return undefined;
  const peer = tlsSocket.getPeerCertificate(false);
  if (!peer?.valid_to) return undefined;
  const validTo = new Date(peer.valid_to);
  if (Number.isNaN(validTo.getTime())) return undefined;
  return {
    subject: firstOf(peer.subject?.CN) ?? '',
    issuer: firstOf(peer.issuer?.CN) ?? firstOf(peer.issuer?.O) ?? '',
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - Date.now()) / DAY_MS),
  };
}

type Answer = { status: number; body: string; bodyTruncated: boolean; certificate?: PeerCertificate };

function request(
  url: URL,
  pinned: AddressVerdict & { allowed: true },
  options: SafeGetOptions,
  signal: AbortSignal,
) {
  // Every connection goes to the address we checked, whatever the resolver says now.
  const lookup = ((_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
  const isHttps = url.protocol === 'https:';
  const transport = isHttps ? https : http;
  const ca = isHttps && options.trustCa?.length ? [...rootCertificates, ...options.trustCa] : undefined;
  return new Promise<Answer>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: 'GET',
        headers: { accept: '*/*', ...options.headers },
        lookup,
        signal,
        agent: false,
        ...(ca ? { ca } : {}),
      },
      (res) => {
        // Read while the socket is open: the handshake already verified it, this only reports its dates.
        const certificate = isHttps ? peerCertificateOf(res.socket) : undefined;
        const withCertificate = certificate ? { certificate } : {};
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = options.maxBodyBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, Math.max(room, 0)));
            truncated = true;
            res.destroy();
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              bodyTruncated: true,
              ...withCertificate,
            });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            bodyTruncated: false,
            ...withCertificate,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** GET `rawUrl` under the guard. Never throws; never follows redirects (a 3xx comes back as the status). */
export async function safeGet(rawUrl: string, options: SafeGetOptions): Promise<SafeGetResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Refused('timeout', 'No answer in time.')));
  });
  deadline.catch(() => {});
  try {
    const url = checkUrl(rawUrl, options.allowLoopback);
    const pinned = await Promise.race([pickAddress(url, options), deadline]);
    const res = await Promise.race([request(url, pinned, options, controller.signal), deadline]);
    return { ok: true, ...res, durationMs: elapsed(), address: pinned.address };
  } catch (error) {
    if (error instanceof Refused)
      return { ok: false, reason: error.reason, detail: error.message, durationMs: elapsed() };
    if (controller.signal.aborted) {
      return { ok: false, reason: 'timeout', detail: 'No answer in time.', durationMs: elapsed() };
    }
    return { ok: false, ...classifyNetworkError(error), durationMs: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}

/** Plain words for ipaddr.js's range names (`carrierGradeNat`, `rfc6052`, `ipv4Mapped`…), which mean nothing to staff. */
export function describeRange(range: string): string {
  if (range === 'loopback') return 'a loopback address';
  if (['private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat'].includes(range)) return 'a private address';
  return 'a reserved address';
}
