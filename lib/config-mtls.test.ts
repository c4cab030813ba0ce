import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { isTrustedProxy } from './net/trusted-proxies';

const valid = { GRAPH_ACCESS_TOKEN: 'sbx-token', META_APP_ID: '1234567890', META_BUSINESS_IDS: '111' };
const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-config-'));
const pem = path.join(dir, 'cert.pem');
const notPem = path.join(dir, 'cert.txt');
writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
writeFileSync(notPem, 'hello');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TLS and mTLS settings', () => {
  it('are off by default', () => {
    const config = parseConfig(valid);
    expect(config.TLS_CERT_FILE).toBeUndefined();
    expect(config.MTLS_CLIENT_SUBJECT_HEADER).toBeUndefined();
    expect(config.TRUSTED_PROXIES).toEqual([]);
  });

  it('accept readable PEM files and a header name, lower-cased', () => {
    const config = parseConfig({
      ...valid,
      TLS_CERT_FILE: pem,
      TLS_KEY_FILE: pem,
      MTLS_CA_FILE: pem,
      MTLS_CLIENT_SUBJECT_HEADER: 'X-Client-Cert-Subject',
      TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7, fd00::/8',
    });
    expect(config.TLS_CERT_FILE).toBe(pem);
    expect(config.MTLS_CLIENT_SUBJECT_HEADER).toBe('x-client-cert-subject');
    expect(isTrustedProxy(config.TRUSTED_PROXIES, '10.1.2.3')).toBe(true);
    expect(isTrustedProxy(config.TRUSTED_PROXIES, '::ffff:10.1.2.3')).toBe(true);
    expect(isTrustedProxy(config.TRUSTED_PROXIES, '192.168.1.7')).toBe(true);
    expect(isTrustedProxy(config.TRUSTED_PROXIES, '192.168.1.8')).toBe(false);
    expect(isTrustedProxy(config.TRUSTED_PROXIES, 'fd12::1')).toBe(true);
    expect(isTrustedProxy(config.TRUSTED_PROXIES, '127.0.0.1')).toBe(false);
    expect(isTrustedProxy(config.TRUSTED_PROXIES, null)).toBe(false);
  });

  it('name the variable of a missing, unreadable or non-PEM file', () => {
    expect(() => parseConfig({ ...valid, TLS_CERT_FILE: notPem, TLS_KEY_FILE: pem })).toThrow(
      /TLS_CERT_FILE must be the path of a readable PEM file/,
    );
    expect(() => parseConfig({ ...valid, MTLS_CA_FILE: path.join(dir, 'absent.pem') })).toThrow(
      /MTLS_CA_FILE/,
    );
  });

  it('need the certificate and the key together', () => {
    expect(() => parseConfig({ ...valid, TLS_CERT_FILE: pem })).toThrow(/TLS_KEY_FILE is required/);
    expect(() => parseConfig({ ...valid, TLS_KEY_FILE: pem })).toThrow(/TLS_CERT_FILE is required/);
  });

  it('refuse a bad proxy range, and a subject header without any trusted proxy', () => {
    expect(() => parseConfig({ ...valid, TRUSTED_PROXIES: '10.0.0.0/8, proxy.local' })).toThrow(
      /TRUSTED_PROXIES "proxy.local" is not an IP address or CIDR range/,
    );
    expect(() => parseConfig({ ...valid, TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseConfig({ ...valid, MTLS_CLIENT_SUBJECT_HEADER: 'x-client-cert-subject' })).toThrow(
      /TRUSTED_PROXIES must list the TLS terminator/,
    );
    expect(() => parseConfig({ ...valid, MTLS_CLIENT_SUBJECT_HEADER: 'bad header' })).toThrow(
      /MTLS_CLIENT_SUBJECT_HEADER must be an HTTP header name/,
    );
  });
});
