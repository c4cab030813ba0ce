/**
 * The HTTPS options of the production server, from TLS_CERT_FILE / TLS_KEY_FILE / MTLS_CA_FILE. Client
 * certificates are requested but not required, on the same port: browsers using the console present none and
 * must still get in, while each receiver that requires mTLS decides per delivery from `socket.authorized`
 * (chained to `ca`) and the certificate's CN (lib/receivers/client-cert.ts).
 */
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import type { Config } from '@/lib/config';

export function httpsServerOptions(
  config: Pick<Config, 'TLS_CERT_FILE' | 'TLS_KEY_FILE' | 'MTLS_CA_FILE'>,
): ServerOptions | undefined {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return undefined;
  return {
    cert: readFileSync(config.TLS_CERT_FILE),
    key: readFileSync(config.TLS_KEY_FILE),
    // Unset: client certificates are checked against Node's root store (Meta's chains to a public CA).
    ca: config.MTLS_CA_FILE ? readFileSync(config.MTLS_CA_FILE) : undefined,
    requestCert: true,
    rejectUnauthorized: false,
  };
}
