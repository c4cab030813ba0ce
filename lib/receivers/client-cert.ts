/**
 * Whether a delivery came with a valid client certificate — Meta's mTLS for webhooks: a certificate whose
 * subject CN is `client.webhooks.fbclientcerts.com`, chained to a trusted CA. Two ways to know:
 *   - this server terminated TLS (`npm start` with TLS_CERT_FILE/TLS_KEY_FILE): the socket says whether the
 *     certificate chained to MTLS_CA_FILE (`authorized`) and what its subject is;
 *   - a TLS terminator in front verified it and passes the subject in MTLS_CLIENT_SUBJECT_HEADER — believed only
 *     when the peer is one of TRUSTED_PROXIES, since anyone else could send the header.
 * A certificate the socket saw wins over the header. `invalid` = one came but does not chain or has another CN.
 */
import 'server-only';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { ClientCertState } from '@/lib/db/schema';
import { isTrustedProxy, type TrustedProxies } from '@/lib/net/trusted-proxies';

export const META_CLIENT_CERT_CN = 'client.webhooks.fbclientcerts.com';

/** What the connection itself tells about the caller; absent when the handler runs inside Next. */
export interface ClientTransport {
  /** The socket's peer address. */
  peerAddress: string | null;
  /** Set when this server terminated TLS and the client presented a certificate. */
  certificate?: { authorized: boolean; commonNames: string[] };
}

export interface ClientCertPolicy {
  /** Lower-case header name, e.g. `x-client-cert-subject`; unset = no terminator in front. */
  subjectHeader?: string;
  trustedProxies: TrustedProxies;
}

/** Reads a Node socket (plain or TLS) into a ClientTransport. */
export function transportOf(socket: Socket | TLSSocket): ClientTransport {
  const peerAddress = socket.remoteAddress ?? null;
  if (!('encrypted' in socket) || !socket.encrypted) return { peerAddress };
  const tls = socket as TLSSocket;
  const peer = tls.getPeerCertificate();
  // No certificate presented: Node returns an empty object.
  if (!peer || Object.keys(peer).length === 0) return { peerAddress };
  const cn = peer.subject?.CN as string | string[] | undefined;
  return {
    peerAddress,
    certificate: { authorized: tls.authorized, commonNames: cn === undefined ? [] : [cn].flat() },
  };
}

/** CNs of a subject as terminators write it: RFC 2253 (`CN=a,O=b`), OpenSSL (`/O=b/CN=a`) or with `+`. */
export function subjectCommonNames(subject: string): string[] {
  const names: string[] = [];
  for (const match of subject.matchAll(/(?:^|[,/+;])\s*CN\s*=\s*((?:\\.|[^,/+;])*)/gi)) {
    names.push((match[1] ?? '').trim().replace(/\\(.)/g, '$1'));
  }
  return names;
}

const isMetaCn = (names: readonly string[]) => names.length === 1 && names[0] === META_CLIENT_CERT_CN;

export function clientCertState(
  transport: ClientTransport | undefined,
  headers: Readonly<Record<string, string>>,
  policy: ClientCertPolicy,
): ClientCertState {
  const certificate = transport?.certificate;
  if (certificate) return certificate.authorized && isMetaCn(certificate.commonNames) ? 'valid' : 'invalid';
  if (!policy.subjectHeader) return 'absent';
  const subject = headers[policy.subjectHeader];
  if (!subject || !isTrustedProxy(policy.trustedProxies, transport?.peerAddress)) return 'absent';
  // The terminator verified the chain (it passes a subject only then); the CN is checked here.
  return isMetaCn(subjectCommonNames(subject)) ? 'valid' : 'invalid';
}
