import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../../src/lib/ipv4.js';
import { calicoEncapsulation, flannelEncapsulation, sameSubnet } from '../../../src/model/underlay/encapsulation.js';
import type { EncapMode } from '../../../src/scenario/types.js';

const A = { ip: parseIpv4('10.0.0.5'), prefixLen: 24 };
const SAME = parseIpv4('10.0.0.9');
const OTHER = parseIpv4('10.0.1.9');
const pool = (ipipMode: EncapMode, vxlanMode: EncapMode) => ({ ipipMode, vxlanMode });

describe('calicoEncapsulation', () => {
  it('Always encapsulates, with the node addresses as outer header', () => {
    expect(calicoEncapsulation(pool('Always', 'Never'), A, SAME)).toEqual({ encap: 'ipip', overhead: 20, outerSrc: A.ip, outerDst: SAME });
    expect(calicoEncapsulation(pool('Never', 'Always'), A, OTHER)).toEqual({ encap: 'vxlan', overhead: 50, outerSrc: A.ip, outerDst: OTHER });
  });

  it('CrossSubnet encapsulates only outside the local node subnet (10.0.0.5/24)', () => {
    expect(calicoEncapsulation(pool('CrossSubnet', 'Never'), A, SAME).encap).toBe('none');
    expect(calicoEncapsulation(pool('CrossSubnet', 'Never'), A, OTHER)).toMatchObject({ encap: 'ipip', overhead: 20 });
    expect(calicoEncapsulation(pool('Never', 'CrossSubnet'), A, SAME).encap).toBe('none');
    expect(calicoEncapsulation(pool('Never', 'CrossSubnet'), A, OTHER)).toMatchObject({ encap: 'vxlan', overhead: 50 });
    // The subnet is the *local* node's: a /16 node sees 10.0.1.9 as local.
    expect(calicoEncapsulation(pool('CrossSubnet', 'Never'), { ip: A.ip, prefixLen: 16 }, OTHER).encap).toBe('none');
  });

  it('Never routes plainly, and the same node never tunnels', () => {
    expect(calicoEncapsulation(pool('Never', 'Never'), A, OTHER)).toEqual({ encap: 'none', overhead: 0, outerSrc: A.ip, outerDst: OTHER });
    expect(calicoEncapsulation(pool('Always', 'Never'), A, A.ip).encap).toBe('none');
  });

  it('compares subnets on unsigned addresses', () => {
    expect(sameSubnet({ ip: parseIpv4('192.168.1.10'), prefixLen: 24 }, parseIpv4('192.168.1.200'))).toBe(true);
    expect(sameSubnet({ ip: parseIpv4('192.168.1.10'), prefixLen: 24 }, parseIpv4('192.168.2.1'))).toBe(false);
  });
});

describe('flannelEncapsulation', () => {
  it('tunnels between hosts with a 50-byte overhead, not within one host', () => {
    const h1 = parseIpv4('10.0.0.11');
    const h2 = parseIpv4('10.0.0.12');
    expect(flannelEncapsulation(h1, h2)).toEqual({ encap: 'vxlan', overhead: 50, outerSrc: h1, outerDst: h2 });
    expect(flannelEncapsulation(h1, h1).encap).toBe('none');
  });
});
