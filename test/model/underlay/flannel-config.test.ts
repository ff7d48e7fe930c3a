import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/lib/ipv4.js';
import { Prng } from '../../../src/lib/random/prng.js';
import { flannelNetConfig } from '../../../src/model/underlay/flannel-config.js';
import { allocateFlannelLeases } from '../../../src/model/underlay/flannel-leases.js';
import type { FlannelSpec } from '../../../src/scenario/types.js';
import { SRC } from './fixtures.js';

const spec = (network: string, subnetLen = 0, over: Partial<FlannelSpec> = {}): FlannelSpec => ({ vni: 0, network, subnetLen, port: 0, mtu: 1450, ipMasq: true, src: SRC, ...over });
const cfg = (network: string, subnetLen = 0) => flannelNetConfig(spec(network, subnetLen), 'f');

describe('flannelNetConfig (pkg/subnet/config.go)', () => {
  it('defaults like kube-flannel: 10.244.0.0/16 → /24 subnets from 10.244.1.0 to 10.244.255.0, flannel.1, port 8472', () => {
    const c = cfg('10.244.0.0/16').config!;
    expect(c.subnetLen).toBe(24);
    expect(formatIpv4(c.subnetMin)).toBe('10.244.1.0');
    expect(formatIpv4(c.subnetMax)).toBe('10.244.255.0');
    expect(c).toMatchObject({ vni: 1, port: 8472, device: 'flannel.1' });
    expect(flannelNetConfig(spec('10.244.0.0/16', 0, { vni: 101, port: 4789 }), 'f').config).toMatchObject({ device: 'flannel.101', port: 4789 });
  });

  it('uses prefix+2 for networks longer than /22, and rejects networks longer than /28', () => {
    expect(cfg('10.0.0.0/22').config!.subnetLen).toBe(24);
    expect(cfg('10.0.0.0/23').config!.subnetLen).toBe(25);
    expect(cfg('10.0.0.0/28').config!.subnetLen).toBe(30);
    expect(cfg('10.0.0.0/29').diagnostics.map((d) => d.message)).toEqual(['network is too small. Minimum useful network prefix is /28']);
  });

  it('checks an explicit SubnetLen', () => {
    expect(cfg('10.0.0.0/16', 31).diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual(['f.subnetLen: SubnetLen must be less than /31']);
    expect(cfg('10.0.0.0/16', 17).diagnostics.map((d) => d.message)).toEqual(['network must be able to accommodate at least four subnets']);
    expect(cfg('10.0.0.0/16', 18).config!.subnetLen).toBe(18);
  });
});

describe('allocateFlannelLeases (local_manager.go allocateSubnet)', () => {
  it('hands each host a distinct aligned subnet in [SubnetMin, SubnetMax], reproducibly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 26 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (len, hostCount, seed) => {
        const c = cfg(`10.0.0.0/${len}`).config!;
        const leases = allocateFlannelLeases(c, hostCount, new Map(), new Prng(seed));
        expect(allocateFlannelLeases(c, hostCount, new Map(), new Prng(seed))).toEqual(leases);
        const size = 2 ** (32 - c.subnetLen);
        const avail = (c.subnetMax - c.subnetMin) / size + 1;
        const got = leases.filter((b) => b >= 0);
        expect(got).toHaveLength(Math.min(hostCount, avail));
        expect(new Set(got).size).toBe(got.length);
        for (const b of got) {
          expect(b).toBeGreaterThanOrEqual(c.subnetMin);
          expect(b).toBeLessThanOrEqual(c.subnetMax);
          expect((b - c.network.base) % size).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws among the first 100 free subnets only, and runs out after SubnetMax', () => {
    const c = cfg('10.0.0.0/12').config!; // 4095 leasable /24s
    const first = allocateFlannelLeases(c, 1, new Map(), new Prng(7))[0]!;
    expect((first - c.subnetMin) / 256).toBeLessThan(100);
    const tiny = cfg('10.0.0.0/28').config!; // four /30s, three leasable
    expect(allocateFlannelLeases(tiny, 4, new Map(), new Prng(1)).filter((b) => b < 0)).toHaveLength(1);
  });

  it('keeps pinned leases', () => {
    const c = cfg('10.244.0.0/16').config!;
    const pinned = new Map([[1, 0x0af40500]]);
    const leases = allocateFlannelLeases(c, 3, pinned, new Prng(3));
    expect(formatIpv4(leases[1]!)).toBe('10.244.5.0');
    expect(leases.filter((b) => b === 0x0af40500)).toHaveLength(1);
  });
});
