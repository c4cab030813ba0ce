import { randomInt } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { GraphApiError } from './errors';

const MAX_BODY_BYTES = 64 * 1024;

const failed = (detail: string) =>
  new GraphApiError({
    code: 2200,
    message: `Callback verification failed with the following errors: ${detail}`,
  });

/** Appends the hub.* parameters after any query the URL already has, dropping a fragment. */
export function verificationUrl(callbackUrl: string, verifyToken: string, challenge: string): URL {
  const url = new URL(callbackUrl);
  const hub = `hub.mode=subscribe&hub.challenge=${challenge}&hub.verify_token=${encodeURIComponent(verifyToken)}`;
  url.search = url.search ? `${url.search}&${hub}` : `?${hub}`;
  url.hash = '';
  return url;
}

interface Answer {
  status: number;
  statusText: string;
  body: string;
}

/**
 * Meta's live check of a callback URL: one GET with a fresh challenge, no redirects followed,
 * bounded in time; passes only on HTTP 200 whose body is exactly the challenge. Failures are
 * error 2200 with curl-style details, as Meta reports them.
 */
export async function verifyCallback(
  callbackUrl: string,
  verifyToken: string,
  timeoutMs: number,
  /** PEMs trusted for an https callback's server certificate on top of Node's roots (`--trust-ca`). */
  serverCas: readonly string[] = [],
): Promise<void> {
  const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
  const url = verificationUrl(callbackUrl, verifyToken, challenge);
  const answer = await get(url, timeoutMs, serverCas);
  if (answer.status !== 200) {
    throw failed(`HTTP Status Code = ${answer.status}; HTTP Message = ${answer.statusText}`);
  }
  if (answer.body !== challenge) {
    throw failed(
      `The URL couldn't be validated. Response does not match challenge, expected value="${challenge}", received="${answer.body.slice(0, 100)}"`,
    );
  }
}

function get(url: URL, timeoutMs: number, serverCas: readonly string[]): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  const ca = serverCas.length && url.protocol === 'https:' ? [...rootCertificates, ...serverCas] : undefined;
  return new Promise((resolve, reject) => {
    // A fresh connection per check (agent: false) so receivers can shut down without waiting on keep-alive.
    const request = client.get(url, { agent: false, timeout: timeoutMs, ca }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage || http.STATUS_CODES[response.statusCode ?? 0] || '',
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', (error) => reject(failed(`curl_errno = 56; curl_error = ${error.message}`)));
    });
    request.on('timeout', () => {
      request.destroy();
      reject(
        failed(
          `curl_errno = 28; curl_error = Operation timed out after ${timeoutMs} milliseconds with 0 bytes received`,
        ),
      );
    });
    request.on('error', (error: NodeJS.ErrnoException) => reject(connectionFailure(url, error)));
  });
}

function connectionFailure(url: URL, error: NodeJS.ErrnoException): GraphApiError {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return failed(`curl_errno = 6; curl_error = Could not resolve host: ${url.hostname}`);
  }
  if (error.code === 'ECONNREFUSED') {
    return failed(
      `curl_errno = 7; curl_error = Failed to connect to ${url.hostname} port ${port}: Connection refused`,
    );
  }
  if (
    error.code?.includes('CERT') ||
    error.code?.startsWith('ERR_TLS') ||
    error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  ) {
    return failed(`curl_errno = 60; curl_error = SSL certificate problem: ${error.message}`);
  }
  return failed(`curl_errno = 56; curl_error = ${error.message}`);
}
