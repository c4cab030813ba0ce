/**
 * `callback_live`: the verification GET Meta sends, sent now to the URL that wins for `messages`. With a managed
 * receiver Switchboard knows the verify token and checks the whole handshake; for any other URL it does not
 * (Graph never returns verify tokens), so it sends a token the receiver cannot know: a careful receiver then
 * answers 403, which still proves the URL is reachable, valid TLS, without redirects and an auth wall.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { type PeerCertificate, safeGet } from '@/lib/net/safe-fetch';
import { newChallenge, PREFLIGHT_MAX_BODY_BYTES, verificationUrl } from '@/lib/routing/preflight';
import { explainFailure, judgeAnswer } from '@/lib/routing/preflight-explain';
import type { DoctorContext, ManagedReceiverMatch } from './context';
import type { DoctorCheck } from './types';

/** Public reports show Meta giving up on a verification GET after about 6 s. */
export const META_VERIFY_TIMEOUT_MS = 6_000;
/** Meta's receiver guidance: answer webhooks with a median under 250 ms. */
export const MEDIAN_GUIDANCE_MS = 250;
/** The bar: a certificate that expires within two weeks is a delivery outage waiting to happen. */
export const CERT_WARN_DAYS = 14;

/** Hosts reserved for documentation (RFC 2606 / 6761): no receiver can live there, so nothing is sent. */
function reservedHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    /(^|\.)example\.(com|net|org)$/.test(host) || /\.(example|test|invalid)$/.test(host) || host === 'example'
  );
}

function pathWarnings(url: URL): string[] {
  return url.pathname.includes('+')
    ? ['The path contains "+", which Meta is reported to re-encode: the receiver may see a different path.']
    : [];
}

export async function callbackLiveCheck(ctx: DoctorContext, url: string): Promise<DoctorCheck> {
  const at = new Date().toISOString();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      id: 'callback_live',
      status: 'fail',
      title: 'The winning callback URL is not a valid URL.',
      detail: `URL ${url}.`,
    };
  }
  if (reservedHost(parsed.hostname)) {
    return {
      id: 'callback_live',
      status: 'skip',
      title: 'The winning URL is on a host reserved for examples, so it was not called.',
      detail: `${url}: ${parsed.hostname} is reserved for documentation (RFC 2606); no receiver can answer there.`,
    };
  }
  const managed = await ctx.managedReceiver(url);
  const verifyToken = managed?.verifyToken ?? `switchboard-doctor-${randomBytes(9).toString('base64url')}`;
  const challenge = newChallenge();
  const timeoutMs = ctx.liveTimeoutMs ?? META_VERIFY_TIMEOUT_MS;
  const res = await safeGet(verificationUrl(url, verifyToken, challenge), {
    allowLoopback: ctx.allowLoopbackCallbacks,
    timeoutMs,
    maxBodyBytes: PREFLIGHT_MAX_BODY_BYTES,
    headers: { 'user-agent': 'Switchboard-Doctor/1.0' },
    ...(ctx.trustCa ? { trustCa: ctx.trustCa } : {}),
  });
  const fix = managed
    ? { kind: 'receivers' as const, receiverId: managed.receiverId, label: 'Open the receiver' }
    : undefined;
  if (!res.ok) {
    return {
      id: 'callback_live',
      status: 'fail',
      title: "The winning URL does not answer Meta's verification GET.",
      detail: `GET ${url} at ${at} (${res.durationMs} ms): ${explainFailure(res, timeoutMs)}`,
      ...(fix ? { fix } : {}),
    };
  }
  const head = `GET ${url} at ${at}: HTTP ${res.status} in ${res.durationMs} ms${certificateFacts(res.certificate)}`;
  const warnings = [...pathWarnings(parsed), ...certificateWarnings(res.certificate)];
  if (res.durationMs > MEDIAN_GUIDANCE_MS) {
    warnings.push(
      `It took ${res.durationMs} ms; Meta asks receivers to answer with a median under ${MEDIAN_GUIDANCE_MS} ms.`,
    );
  }
  const judged = judgeAnswer(res, challenge, verifyToken);
  if (managed) return judgeKnownToken(head, managed, judged, warnings, fix);
  return judgeProbe(head, res.status, judged, warnings);
}

function daysWord(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** Days left shown on every https answer; the handshake already proved the certificate valid for the host. */
function certificateFacts(certificate: PeerCertificate | undefined): string {
  if (!certificate) return '';
  return `, TLS certificate valid for the host, ${daysWord(certificate.daysLeft)} left (until ${certificate.validTo})`;
}

function certificateWarnings(certificate: PeerCertificate | undefined): string[] {
  if (!certificate || certificate.daysLeft >= CERT_WARN_DAYS) return [];
  return [
    `The TLS certificate expires in ${daysWord(Math.max(certificate.daysLeft, 0))} (${certificate.validTo}); once it has, Meta's deliveries fail the handshake: renew it now.`,
  ];
}

function finish(base: Omit<DoctorCheck, 'status'> & { status: 'pass' }, warnings: string[]): DoctorCheck {
  if (warnings.length === 0) return base;
  return { ...base, status: 'warn', detail: `${base.detail} ${warnings.join(' ')}` };
}

function judgeKnownToken(
  head: string,
  managed: ManagedReceiverMatch,
  judged: ReturnType<typeof judgeAnswer>,
  warnings: string[],
  fix: DoctorCheck['fix'],
): DoctorCheck {
  if (judged.reason !== null) {
    return {
      id: 'callback_live',
      status: 'fail',
      title: `Managed receiver ${managed.name} does not pass Meta's verification GET.`,
      detail: `${head}. ${judged.explanation}`,
      ...(fix ? { fix } : {}),
    };
  }
  return finish(
    {
      id: 'callback_live',
      status: 'pass',
      title: `Managed receiver ${managed.name} answers the verification GET with the exact challenge.`,
      detail: `${head}, body exactly the challenge (verify token checked).`,
    },
    warnings,
  );
}

function judgeProbe(
  head: string,
  status: number,
  judged: ReturnType<typeof judgeAnswer>,
  warnings: string[],
): DoctorCheck {
  if (status === 403) {
    return finish(
      {
        id: 'callback_live',
        status: 'pass',
        title: 'The winning URL is reachable and refuses an unknown verify token, as it should.',
        detail: `${head} for a verify token Switchboard made up (Graph never returns the real one, so the echoed challenge was not checked).`,
      },
      warnings,
    );
  }
  if (judged.reason === null) {
    return finish(
      {
        id: 'callback_live',
        status: 'pass',
        title: 'The winning URL answers the verification GET with the exact challenge.',
        detail: `${head}, body exactly the challenge — even for a verify token it cannot know, so it does not check the token.`,
      },
      warnings,
    );
  }
  if (
    judged.reason === 'json_quoted_challenge' ||
    judged.reason === 'challenge_mismatch' ||
    judged.reason === 'body_too_large'
  ) {
    return {
      id: 'callback_live',
      status: 'fail',
      title: 'The winning URL answers the verification GET with something other than the challenge.',
      detail: `${head}. ${judged.explanation} (It answered 200 to a verify token it cannot know: a login page, WAF or CDN challenge, or a receiver that ignores the token.)`,
    };
  }
  return {
    id: 'callback_live',
    status: 'fail',
    title: "The winning URL does not answer Meta's verification GET.",
    detail: `${head}. ${judged.explanation}`,
  };
}
