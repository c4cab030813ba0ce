/**
 * The production server (`npm start`): one Node HTTP server in front of Next.js.
 *
 * `/api/hooks/<receiverId>` is the one path Meta calls at volume, and Next's router costs more per request
 * than the handler itself (measured: 498 deliveries/s p99 83 ms through `next start`, against ~1,000/s
 * p99 ~22 ms for the same handler on a plain server). So those requests go straight to the same
 * `hookHandlers` the Next route uses (app/api/hooks/[receiverId]/route.ts, still there for `next dev` and
 * `next start`), on Node's own request and response (no Web Request/Response per delivery); everything else
 * goes to Next. Both share one database handle and keyring: they are process
 * singletons (lib/server/process-singleton.ts), and this is one process.
 *
 * With TLS_CERT_FILE and TLS_KEY_FILE it serves HTTPS instead, on the same port, and asks every client for a
 * certificate without requiring one (`requestCert`, `rejectUnauthorized: false`): the console's browsers send
 * none, while a receiver that requires mTLS refuses deliveries whose certificate did not chain to MTLS_CA_FILE
 * (Node's roots when unset) or lacks Meta's CN (lib/receivers/client-cert.ts).
 *
 *   PORT (default 3000), HOSTNAME (default 0.0.0.0), plus everything lib/config.ts reads (TRUSTED_PROXIES
 *   decides whose X-Forwarded-For is believed).
 */
// First: before Next.js loads a chunk (see the module).
import './source-maps-off';
import http from 'node:http';
import https from 'node:https';
import next from 'next';
import { getConfig } from '@/lib/config';
import { clientAddress } from '@/lib/net/trusted-proxies';
import { serveHook } from './hooks-fast-path';
import { httpsServerOptions } from './tls-options';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handleNext = app.getRequestHandler();

// Bad TLS settings stop the start with the variable named, before Next spends time preparing.
const config = getConfig();
await app.prepare();
const trustedProxies = config.TRUSTED_PROXIES;

const listener: http.RequestListener = (req, res) => {
  if (req.url?.startsWith('/api/hooks/')) {
    void serveHook(req, res);
    return;
  }
  // Next keeps an X-Forwarded-For it is given, and lib/auth/client-ip.ts reads it for the per-IP sign-in
  // limit: replace it with the one address we can vouch for (the socket, or what a trusted proxy saw).
  const client = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
  if (client) req.headers['x-forwarded-for'] = client;
  else delete req.headers['x-forwarded-for'];
  delete req.headers['x-real-ip'];
  void handleNext(req, res);
};
const tls = httpsServerOptions(config);
const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(
    `Switchboard listening on ${tls ? 'https' : 'http'}://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`,
  );
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
