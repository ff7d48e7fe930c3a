// possibleSources (the few addresses a policy may see as a packet's source, whatever its destination: what
// the isolation check's pair fast path tests the outer wall against) holds every address sourceSeenAt gives
// over sourceChanges, for sources in and out of the pools, pods and host-network ends, every node that may
// enforce, and destinations inside and outside the pools and flannel networks — with flannel's masquerade
// and without it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../src/lib/ipv4.js';
import { buildModel } from '../../../src/model/build-model.js';
import { possibleSources, sourceChanges, sourceSeenAt } from '../../../src/model/edge/source-address.js';
import type { Model } from '../../../src/model/types.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

/** Addresses where the rewrites change: each pool's and flannel network's first hosts, the nodes, an outside one. */
function addresses(model: Model): number[] {
  const out = [0x08080808, ...model.nodes.map((n) => n.ip)];
  for (const c of model.clusters) {
    for (const p of c.spec.calico.ipPools) {
      const cidr = parseCidr(p.cidr);
      if (cidr) out.push(cidr.base + 5, cidr.base + 300);
    }
    const flannel = c.underlay.flannel;
    if (flannel) out.push(flannel.network.base + 7, ...flannel.leases.map((l) => l.subnet.base + 2));
  }
  return out;
}

describe.each(['test/fixtures/identity/breach/large-reduced.yaml', 'test/fixtures/identity/breach/large-reduced-no-masq.yaml'])('possibleSources on %s', (file) => {
  const model = buildModel(loadScenario(file));
  const ips = addresses(model);
  // Each cluster's own pool addresses: the sources natOutgoing rewrites.
  const own = model.clusters.map((c) => c.spec.calico.ipPools.flatMap((p) => (parseCidr(p.cidr) ? [parseCidr(p.cidr)!.base + 9] : [])));

  it('holds the source every enforcing node sees, for any destination', () => {
    let rewritten = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: model.clusters.length - 1 }),
        fc.nat(),
        fc.constantFrom(...ips),
        fc.constantFrom(...ips),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -1, max: model.nodes.length - 1 }),
        (cluster, pick, any, dst, fromPool, pod, at) => {
          const pool = own[cluster]!;
          const ip = fromPool && pool.length ? pool[pick % pool.length]! : any;
          const nodes = model.clusters[cluster]!.nodes;
          const node = nodes.length ? nodes[pick % nodes.length]! : -1;
          const src = { ip, node, cluster, pod };
          const changes = sourceChanges(model, src, dst);
          if (changes.length > 0) rewritten++;
          const seen = sourceSeenAt(ip, changes, at);
          expect(possibleSources(model, src), `${ip} -> ${dst} seen at ${at}`).toContain(seen);
        },
      ),
      { numRuns: 400, seed: 21 },
    );
    // The rewrites happen: the property is not only about untouched sources.
    expect(rewritten).toBeGreaterThan(40);
  });
});
