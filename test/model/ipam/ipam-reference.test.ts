import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpamState } from '../../../src/model/ipam/ipam-state.js';
import { ipamCase } from './fixtures.js';
import { ReferenceIpam } from './reference-ipam.js';

describe('IpamState agrees with the plain-array reference', () => {
  it('address for address over random pool/node/assign/release/gc/time sequences', () => {
    fc.assert(
      fc.property(ipamCase, (c) => {
        const fast = new IpamState(c.pools, c.nodes, c.config, c.seed);
        const ref = new ReferenceIpam(c.pools, c.nodes, c.config, c.seed);
        const tunnels = c.nodes.flatMap((_, n) => [fast.tunnelAddress(n, 'ipip'), fast.tunnelAddress(n, 'vxlan')]);
        expect(tunnels).toEqual(ref.tunnels);
        const live = tunnels.filter((t) => t >= 0);
        let handle = 0;
        for (const [kind, a, b] of c.ops) {
          if (kind <= 5) {
            const node = a % c.nodes.length;
            const got = fast.assign(node, handle);
            const want = ref.assign(node, handle);
            if (got !== want) throw new Error(`assign #${handle} on node ${node}: ${got} vs reference ${want}`);
            handle++;
            if (got >= 0) live.push(got);
          } else if (kind <= 7 && live.length > 0) {
            const x = live.splice(b % live.length, 1)[0] as number;
            if (fast.release(x) !== ref.release(x)) throw new Error(`release ${x} disagrees`);
          } else if (kind === 8) {
            const [f, r] = [fast.gcEmptyBlocks(), ref.gcEmptyBlocks()];
            if (f !== r) throw new Error(`gc released ${f} vs reference ${r}`);
          }
          else if (kind === 9) {
            fast.now += 30_000;
            ref.now += 30_000;
          }
        }
        for (let n = 0; n < c.nodes.length; n++) {
          expect(fast.blocksOf(n)).toEqual(ref.blocksOf(n));
          expect(fast.borrowedBy(n)).toEqual(ref.borrowedBy(n));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
