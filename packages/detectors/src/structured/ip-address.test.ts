import { describe, expect, it } from 'vitest';
import { findIpAddresses, ipAddressDetector } from './ip-address.ts';
import { scalingRatio, spans } from './test-helpers.ts';

describe('ip_address', () => {
  it('finds IPv4 with exact offsets', () => {
    expect(findIpAddresses('host 10.20.30.40 up')).toMatchObject([{ start: 5, end: 16, type: 'ip_address' }]);
    expect(spans(ipAddressDetector, 'gw (172.16.5.254), dns 8.8.4.4.')).toEqual(['172.16.5.254', '8.8.4.4']);
  });

  it('rejects out-of-range octets and longer dotted numbers', () => {
    expect(spans(ipAddressDetector, '300.1.2.3 and 10.0.0.256 and 1.2.3')).toEqual([]);
    expect(spans(ipAddressDetector, 'build 4.10.2.8.1 and v1.2.3.4')).toEqual([]);
  });

  it('skips dotted quads labelled as versions or object identifiers', () => {
    expect(
      spans(ipAddressDetector, 'driver 3.0.0.0, OID 2.5.4.3, Version: 10.2.0.1, firmware=4.1.2.9'),
    ).toEqual([]);
    expect(spans(ipAddressDetector, 'host 10.2.0.1, server=10.0.0.5')).toEqual(['10.2.0.1', '10.0.0.5']);
  });

  it('finds an IPv6 address followed by a five-digit port', () => {
    expect(spans(ipAddressDetector, 'haproxy: 2a01:4f8:c17:9b2e::1:51880 [21/May')).toEqual([
      '2a01:4f8:c17:9b2e::1',
    ]);
  });

  it('finds every IPv6 form', () => {
    const forms = [
      '2001:db8:a0b:12f0:0:0:0:1',
      '2001:db8::7',
      '::1',
      '::',
      'fe80::21b:44ff:fe9a:1c2d%en0',
      '::ffff:198.51.100.7',
      '2001:db8:5::203.0.113.9',
      '1:2:3:4:5:6:7::',
    ];
    for (const ip of forms) expect(spans(ipAddressDetector, `addr ${ip} ok`)).toEqual([ip]);
  });

  it('rejects IPv6 look-alikes', () => {
    for (const text of [
      'at 10:45:30',
      'mac 0a:1b:2c:3d:4e:5f',
      'std::vector',
      'a::b::c',
      '1:2:3:4:5:6:7',
      'x ::= y',
    ]) {
      expect(spans(ipAddressDetector, text)).toEqual([]);
    }
  });

  it('stays linear on adversarial input', () => {
    const unit = '1.1.1.1.1:1:1:1::ab:';
    expect(scalingRatio(findIpAddresses, unit.repeat(5_000), unit.repeat(50_000))).toBeLessThan(40);
    expect(scalingRatio(findIpAddresses, ':'.repeat(100_000), ':'.repeat(1_000_000))).toBeLessThan(40);
  });
});
