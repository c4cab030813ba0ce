import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '@/lib/net/trusted-proxies';
import { clientCertState, META_CLIENT_CERT_CN, subjectCommonNames } from './client-cert';

const proxies = parseTrustedProxies('10.0.0.0/8');
const policy = { subjectHeader: 'x-client-cert-subject', trustedProxies: proxies };
const headers = (subject?: string): Record<string, string> =>
  subject ? { 'x-client-cert-subject': subject } : {};

describe('subjectCommonNames', () => {
  it('reads the CN from the subject forms terminators write', () => {
    expect(subjectCommonNames(`CN=${META_CLIENT_CERT_CN},O=Meta Platforms\\, Inc.,C=US`)).toEqual([
      META_CLIENT_CERT_CN,
    ]);
    expect(subjectCommonNames(`/C=US/O=Meta/CN=${META_CLIENT_CERT_CN}`)).toEqual([META_CLIENT_CERT_CN]);
    expect(subjectCommonNames('O=Meta, cn = a.example')).toEqual(['a.example']);
    expect(subjectCommonNames('O=Meta')).toEqual([]);
  });
});

describe('clientCertState', () => {
  it('a certificate on the socket decides: chained and Meta CN = valid, else invalid', () => {
    const transport = (authorized: boolean, commonNames: string[]) => ({
      peerAddress: '203.0.113.9',
      certificate: { authorized, commonNames },
    });
    expect(clientCertState(transport(true, [META_CLIENT_CERT_CN]), headers(), policy)).toBe('valid');
    expect(clientCertState(transport(false, [META_CLIENT_CERT_CN]), headers(), policy)).toBe('invalid');
    expect(clientCertState(transport(true, ['other.example']), headers(), policy)).toBe('invalid');
    expect(clientCertState(transport(true, [META_CLIENT_CERT_CN, 'x']), headers(), policy)).toBe('invalid');
    // A forged header cannot upgrade a bad certificate.
    const forged = headers(`CN=${META_CLIENT_CERT_CN}`);
    expect(clientCertState({ ...transport(false, ['x']), peerAddress: '10.0.0.2' }, forged, policy)).toBe(
      'invalid',
    );
  });

  it('the header counts only from a trusted proxy and only when configured', () => {
    const meta = headers(`CN=${META_CLIENT_CERT_CN}`);
    expect(clientCertState({ peerAddress: '10.0.0.2' }, meta, policy)).toBe('valid');
    expect(clientCertState({ peerAddress: '10.0.0.2' }, headers('CN=evil.example'), policy)).toBe('invalid');
    expect(clientCertState({ peerAddress: '10.0.0.2' }, headers(), policy)).toBe('absent');
    expect(clientCertState({ peerAddress: '198.51.100.1' }, meta, policy)).toBe('absent');
    expect(clientCertState(undefined, meta, policy)).toBe('absent');
    expect(clientCertState({ peerAddress: '10.0.0.2' }, meta, { trustedProxies: proxies })).toBe('absent');
  });
});
