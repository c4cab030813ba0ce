import { describe, expect, it } from 'vitest';
import { classifyAddress, ipLiteralOf } from './address-policy';

const strict = { allowLoopback: false };
const dev = { allowLoopback: true };

/** What the guard sees for a URL: the WHATWG parser's hostname, as an IP literal when it is one. */
function verdictForUrl(raw: string, policy = strict) {
  const literal = ipLiteralOf(new URL(raw).hostname);
  if (!literal) throw new Error(`${raw} is not an IP literal after parsing`);
  return classifyAddress(literal, policy);
}

describe('classifyAddress', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:10.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address, strict)).toMatchObject({ allowed: false, range });
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2a03:2880:f10e:83:face:b00c:0:25de',
  ])('allows public unicast %s', (address) => {
    expect(classifyAddress(address, strict)).toMatchObject({ allowed: true, range: 'unicast' });
  });

  it('refuses the dotted IPv4-compatible form whatever ipaddr.js calls it', () => {
    expect(classifyAddress('::127.0.0.1', dev).allowed).toBe(false);
  });

  it('allows loopback only when the policy does', () => {
    expect(classifyAddress('127.0.0.1', dev)).toMatchObject({ allowed: true, family: 4, range: 'loopback' });
    expect(classifyAddress('::1', dev)).toMatchObject({ allowed: true, family: 6, range: 'loopback' });
    // Loopback allowance never opens the private ranges or mapped forms of loopback.
    expect(classifyAddress('10.0.0.1', dev).allowed).toBe(false);
    expect(classifyAddress('::ffff:127.0.0.1', dev).allowed).toBe(false);
  });

  it.each(['127.1', '0x7f.0.0.1', '0177.0.0.1', '2130706433', 'localhost', '', 'not-an-ip'])(
    'treats the non-canonical literal %j as invalid',
    (address) => {
      expect(classifyAddress(address, dev)).toMatchObject({ allowed: false, range: 'invalid' });
    },
  );
});

describe('numeric-host tricks through the WHATWG URL parser', () => {
  it.each([
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://127.0.1/', 'loopback'],
    ['http://0/', 'unspecified'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://017700000001/', 'loopback'],
    ['https://0xa9fea9fe/', 'linkLocal'],
    ['https://169.254.169.254./', 'linkLocal'],
    ['https://3232235777/', 'private'],
    ['https://012.0.0.1/', 'private'],
    ['https://[::ffff:7f00:1]/', 'ipv4Mapped'],
    ['https://[0:0:0:0:0:ffff:127.0.0.1]/', 'ipv4Mapped'],
    ['https://[::]/', 'unspecified'],
    ['https://[0000::1]/', 'loopback'],
    ['https://[::127.0.0.1]/', 'ipv4Compatible'],
    ['https://[fd00::1]/', 'uniqueLocal'],
  ])('%s is refused as %s', (raw, range) => {
    expect(verdictForUrl(raw)).toMatchObject({ allowed: false, range });
  });

  it('leaves DNS names to the resolver', () => {
    expect(ipLiteralOf(new URL('https://localhost/').hostname)).toBeNull();
    expect(ipLiteralOf(new URL('https://127.0.0.1.nip.io/').hostname)).toBeNull();
    expect(ipLiteralOf(new URL('https://[::1]/').hostname)).toBe('::1');
  });
});
