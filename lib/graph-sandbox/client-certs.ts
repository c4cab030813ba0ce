/**
 * The client certificates the sandbox's emitter presents on `https` deliveries, the way Meta presents one when
 * mTLS is enabled for an app: a test CA (exposed through `GET /_sandbox/fixture` so a receiver can trust it)
 * and a leaf whose subject CN is Meta's, plus the wrong ones a control switch can choose instead: the right CA
 * with another CN, and Meta's CN issued by a CA nobody trusts. Made once per sandbox start with node-forge
 * (Node's crypto makes keys but cannot issue certificates). Keys and signatures come from Node's native crypto:
 * forge's pure-JS RSA takes seconds for the five certificates, native takes milliseconds.
 */
import { generateKeyPair, type KeyObject, randomBytes, sign } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/** The subject CN of the client certificate Meta presents on mTLS webhook deliveries. */
export const META_CLIENT_CERT_CN = 'client.webhooks.fbclientcerts.com';

export const CLIENT_CERT_MODES = ['valid', 'none', 'wrong_cn', 'wrong_ca'] as const;
export type ClientCertMode = (typeof CLIENT_CERT_MODES)[number];

export interface PemPair {
  cert: string;
  key: string;
}

export interface ClientCerts {
  /** The CA a receiver trusts to accept the sandbox's deliveries. */
  caPem: string;
  valid: PemPair;
  wrongCn: PemPair;
  /** Meta's CN, issued by a CA that is not `caPem`. */
  wrongCa: PemPair;
}

interface KeyPair {
  privateKey: KeyObject;
  publicKey: forge.pki.PublicKey;
  pem: string;
}

const generateRsa = promisify(generateKeyPair);

/** RSA, because forge encodes RSA keys only; generated off the event loop (it takes a while on a busy machine). */
async function keyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    privateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    pem,
  };
}

/** What `cert.sign` does, with the RSA signature made natively. */
function signNatively(cert: forge.pki.Certificate, key: KeyObject): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  cert.md = forge.md.sha256.create();
  // In forge, not in its type definitions.
  const tbs = (
    forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }
  ).getTBSCertificate(cert);
  cert.tbsCertificate = tbs;
  const der = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', der, key).toString('binary');
}

function certificate(options: {
  cn: string;
  publicKey: forge.pki.PublicKey;
  issuer: { cn: string } | null;
  signingKey: KeyObject;
  ca: boolean;
  /** A server certificate for this IP address (subjectAltName) instead of a client one. */
  serverIp?: string;
  /** Defaults to a year from a minute ago. */
  validity?: { notBefore: Date; notAfter: Date };
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  // A positive serial: the high bit clear.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = options.validity?.notBefore ?? new Date(now - 60_000);
  cert.validity.notAfter = options.validity?.notAfter ?? new Date(now + 365 * 86_400_000);
  cert.setSubject([
    { shortName: 'CN', value: options.cn },
    { shortName: 'O', value: 'Graph sandbox' },
  ]);
  cert.setIssuer([
    { shortName: 'CN', value: options.issuer?.cn ?? options.cn },
    { shortName: 'O', value: 'Graph sandbox' },
  ]);
  cert.setExtensions(
    options.ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          options.serverIp
            ? { name: 'extKeyUsage', serverAuth: true }
            : { name: 'extKeyUsage', clientAuth: true },
          ...(options.serverIp
            ? [{ name: 'subjectAltName', altNames: [{ type: 7, ip: options.serverIp }] }]
            : []),
        ],
  );
  signNatively(cert, options.signingKey);
  return cert;
}

function authority(cn: string, keys: KeyPair) {
  const cert = certificate({
    cn,
    publicKey: keys.publicKey,
    issuer: null,
    signingKey: keys.privateKey,
    ca: true,
  });
  return { cn, key: keys.privateKey, pem: forge.pki.certificateToPem(cert) };
}

function leaf(cn: string, ca: { cn: string; key: KeyObject }, keys: KeyPair): PemPair {
  const cert = certificate({ cn, publicKey: keys.publicKey, issuer: ca, signingKey: ca.key, ca: false });
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}

/** Three keys: one per CA (the untrusted CA must not share the trusted one's) and one for all the leaves. */
export async function generateClientCerts(): Promise<ClientCerts> {
  const [caKeys, otherKeys, leafKeys] = await Promise.all([keyPair(), keyPair(), keyPair()]);
  const ca = authority('Graph sandbox webhook client CA', caKeys);
  const other = authority('Untrusted webhook client CA', otherKeys);
  return {
    caPem: ca.pem,
    valid: leaf(META_CLIENT_CERT_CN, ca, leafKeys),
    wrongCn: leaf('client.example.invalid', ca, leafKeys),
    wrongCa: leaf(META_CLIENT_CERT_CN, other, leafKeys),
  };
}

/**
 * A server certificate for a loopback receiver serving HTTPS in tests and demos, with the CA to trust it by
 * (pass `caPem` to the sandbox's `trustCa` / `--trust-ca`). `validity` makes a short-lived or expired one.
 */
export async function generateServerCert(
  ip = '127.0.0.1',
  validity?: { notBefore: Date; notAfter: Date },
): Promise<PemPair & { caPem: string }> {
  const [caKeys, keys] = await Promise.all([keyPair(), keyPair()]);
  const ca = authority('Test receiver server CA', caKeys);
  const cert = certificate({
    cn: ip,
    publicKey: keys.publicKey,
    issuer: ca,
    signingKey: ca.key,
    ca: false,
    serverIp: ip,
    ...(validity ? { validity } : {}),
  });
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem, caPem: ca.pem };
}

/** The certificate to present for a mode; undefined = none. */
export function clientCertFor(certs: ClientCerts, mode: ClientCertMode): PemPair | undefined {
  if (mode === 'valid') return certs.valid;
  if (mode === 'wrong_cn') return certs.wrongCn;
  if (mode === 'wrong_ca') return certs.wrongCa;
  return undefined;
}

/**
 * One set per process: RSA key generation takes seconds on a busy machine, and test files start many
 * sandboxes. A failed generation is not kept.
 */
let shared: Promise<ClientCerts> | undefined;
function sharedClientCerts(): Promise<ClientCerts> {
  if (!shared) {
    const made = generateClientCerts();
    shared = made;
    made.catch(() => {
      if (shared === made) shared = undefined;
    });
  }
  return shared;
}

/** The emitter's current choice of client certificate; `reset` goes back to the valid one. */
export class ClientCertControl {
  mode: ClientCertMode = 'valid';

  certs(): Promise<ClientCerts> {
    return sharedClientCerts();
  }

  async current(): Promise<PemPair | undefined> {
    return this.mode === 'none' ? undefined : clientCertFor(await this.certs(), this.mode);
  }

  reset(): void {
    this.mode = 'valid';
  }
}
