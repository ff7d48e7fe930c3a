import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIpv4, type Cidr } from '../../../src/lib/ipv4.js';
import { flannelMasquerade } from '../../../src/model/underlay/flannel-masquerade.js';

const NET = parseCidr('10.244.0.0/16')!;
const LOCAL = parseCidr('10.244.3.0/24')!;
const ip = parseIpv4;

/** FLANNEL-POSTRTG as flannel writes it (iptables.go masqRules): first matching rule wins. */
function chain(src: number, dst: number, net: Cidr, local: Cidr, marked: boolean): boolean {
  type Rule = { mark?: true; s?: [Cidr, boolean]; d?: [Cidr, boolean]; masq: boolean };
  const mc = parseCidr('224.0.0.0/4')!;
  const rules: Rule[] = [
    { mark: true, masq: false },
    { s: [local, true], d: [net, true], masq: false },
    { s: [net, true], d: [local, true], masq: false },
    { s: [net, false], d: [local, true], masq: false },
    { s: [net, true], d: [mc, false], masq: true },
    { s: [net, false], d: [net, true], masq: true },
  ];
  for (const r of rules) {
    if (r.mark && !marked) continue;
    if (r.s && cidrContains(r.s[0], src) !== r.s[1]) continue;
    if (r.d && cidrContains(r.d[0], dst) !== r.d[1]) continue;
    return r.masq;
  }
  return false;
}

describe('flannelMasquerade', () => {
  it('follows FLANNEL-POSTRTG on known cases', () => {
    expect(flannelMasquerade(ip('10.244.3.7'), ip('10.244.9.2'), NET, LOCAL)).toBe(false); // local → cluster
    expect(flannelMasquerade(ip('10.244.9.2'), ip('10.244.3.7'), NET, LOCAL)).toBe(false); // cluster → local
    expect(flannelMasquerade(ip('192.168.1.1'), ip('10.244.3.7'), NET, LOCAL)).toBe(false); // outside → local
    expect(flannelMasquerade(ip('10.244.3.7'), ip('10.10.0.5'), NET, LOCAL)).toBe(true); // VM → tenant pod outside flannel
    expect(flannelMasquerade(ip('10.244.3.7'), ip('8.8.8.8'), NET, LOCAL)).toBe(true); // cluster → internet
    expect(flannelMasquerade(ip('10.244.3.7'), ip('239.1.1.1'), NET, LOCAL)).toBe(false); // multicast
    expect(flannelMasquerade(ip('10.0.0.11'), ip('10.244.9.2'), NET, LOCAL)).toBe(true); // host → flannel
    expect(flannelMasquerade(ip('10.0.0.11'), ip('8.8.8.8'), NET, LOCAL)).toBe(false); // not flannel's business
    expect(flannelMasquerade(ip('10.244.3.7'), ip('8.8.8.8'), NET, LOCAL, true)).toBe(false); // kube-proxy mark
  });

  it('agrees with the literal rule chain', () => {
    const addr = fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 0, max: 0xffff }).map((x) => NET.base + x),
      fc.integer({ min: 0, max: 0xff }).map((x) => LOCAL.base + x),
      fc.integer({ min: 0, max: 0x0fffffff }).map((x) => 0xe0000000 + x),
    );
    fc.assert(
      fc.property(addr, addr, fc.boolean(), (s, d, m) => {
        expect(flannelMasquerade(s, d, NET, LOCAL, m)).toBe(chain(s, d, NET, LOCAL, m));
      }),
      { numRuns: 5000 },
    );
  });
});
