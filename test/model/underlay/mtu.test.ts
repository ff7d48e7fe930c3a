import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calicoMtus, calicoPodMtu, overMtu, pathMtu } from '../../../src/model/underlay/mtu.js';

describe('Calico MTU (int_dataplane.go, tigera/docs mtu.mdx table)', () => {
  // Underlay MTU → plain, IPIP, VXLAN v4, VXLAN v6, WireGuard v4.
  const table: [number, number, number, number, number, number][] = [
    [1500, 1500, 1480, 1450, 1430, 1440],
    [9000, 9000, 8980, 8950, 8930, 8940],
    [1450, 1450, 1430, 1400, 1380, 1390],
  ];
  it.each(table)('host MTU %i → plain %i, IPIP %i, VXLAN %i, VXLAN v6 %i, WireGuard %i', (host, plain, ipip, vxlan, vxlanV6, wg) => {
    expect(calicoPodMtu(host, { ipip: false, vxlan: false })).toBe(plain);
    expect(calicoPodMtu(host, { ipip: true, vxlan: false })).toBe(ipip);
    expect(calicoPodMtu(host, { ipip: false, vxlan: true })).toBe(vxlan);
    expect(calicoPodMtu(host, { ipip: false, vxlan: false, vxlanV6: true })).toBe(vxlanV6);
    expect(calicoPodMtu(host, { ipip: false, vxlan: false, wireguard: true })).toBe(wg);
  });

  it('takes the smallest MTU among enabled encapsulations', () => {
    expect(calicoPodMtu(1500, { ipip: true, vxlan: true })).toBe(1450);
    expect(calicoPodMtu(1500, { ipip: true, vxlan: false, wireguard: true })).toBe(1440);
  });

  it('uses veth_mtu for every tunnel and the pods when set', () => {
    expect(calicoMtus(1500, { ipip: true, vxlan: false }, 1400)).toEqual({ ipip: 1400, vxlan: 1400, vxlanV6: 1400, wireguard: 1400, pod: 1400 });
    expect(calicoPodMtu(9001, { ipip: false, vxlan: false }, 1500)).toBe(1500);
  });

  it('nests: a VM on flannel (1500 uplink → 1450 NIC) gives Calico IPIP pods 1430 and VXLAN pods 1400', () => {
    const vmNic = 1500 - 50;
    expect(calicoPodMtu(vmNic, { ipip: true, vxlan: false })).toBe(1430);
    expect(calicoPodMtu(vmNic, { ipip: false, vxlan: true })).toBe(1400);
  });
});

describe('pathMtu', () => {
  it('is the tightest hop after the headers it carries', () => {
    // pod → tunl0 (1430) → VM NIC 1450 carrying IPIP → physical 1500 carrying flannel VXLAN + IPIP.
    expect(pathMtu([{ mtu: 1430, overhead: 0 }, { mtu: 1450, overhead: 20 }, { mtu: 1500, overhead: 70 }])).toBe(1430);
    expect(pathMtu([{ mtu: 1500, overhead: 70 }, { mtu: 1480, overhead: 70 }])).toBe(1410);
    expect(pathMtu([])).toBe(Infinity);
  });

  it('agrees with a brute-force search for the largest packet that fits every hop', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ mtu: fc.integer({ min: 600, max: 9216 }), overhead: fc.constantFrom(0, 20, 50, 70) }), { minLength: 1, maxLength: 5 }), (layers) => {
        let best = 0;
        for (let size = 0; size <= 9216; size++) if (layers.every((l) => size + l.overhead <= l.mtu)) best = size;
        expect(pathMtu(layers)).toBe(best);
      }),
      { numRuns: 100 },
    );
  });
});

describe('overMtu (§2.5)', () => {
  it('passes packets that fit', () => {
    for (const encap of ['none', 'ipip', 'vxlan'] as const) expect(overMtu(1500, 1500, true, encap)).toBe('ok');
  });
  it('plain forwarding and tunnel entry: DF → ICMP frag-needed, no DF → fragmented', () => {
    expect(overMtu(1500, 1450, true, 'none')).toBe('dropped-icmp-frag-needed');
    expect(overMtu(1500, 1450, false, 'none')).toBe('fragmented');
  });
  it('IPIP does PMTUD (outer DF): frag-needed reaches the inner sender; no inner DF → fragmented', () => {
    expect(overMtu(1520, 1500, true, 'ipip')).toBe('dropped-icmp-frag-needed');
    expect(overMtu(1520, 1500, false, 'ipip')).toBe('fragmented');
  });
  it('VXLAN leaves the outer DF unset: fragments are discarded silently, whatever the inner DF', () => {
    expect(overMtu(1550, 1500, true, 'vxlan')).toBe('dropped-silently');
    expect(overMtu(1550, 1500, false, 'vxlan')).toBe('dropped-silently');
  });
});
