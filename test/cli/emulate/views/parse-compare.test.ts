// test: reading `birdc show route all` (BIRD 1.6.8's own output, captured from an emulation) and comparing
// it with a simulated view — paths matched by peer, every differing field reported with both values.
import { describe, expect, it } from 'vitest';
import { compareViews } from '../../../../src/cli/emulate/views/compare-views.js';
import { parseShowRouteAll } from '../../../../src/cli/emulate/views/parse-birdc.js';
import type { NodeView, PathView } from '../../../../src/cli/emulate/views/route-view.js';

const OUTPUT = `BIRD 1.6.8 ready.
0.0.0.0/0          via 10.3.0.1 on eth0 [kernel1 13:06:16] * (10)
\tType: inherit unicast univ
\tKernel.source: 3
\tKernel.metric: 0
10.99.0.0/16       via 10.3.0.101 on eth0 [Global_10_3_0_101 13:06:17] * (100/0) [AS65001i]
\tType: BGP unicast univ
\tBGP.origin: IGP
\tBGP.as_path: 65001 65100
\tBGP.next_hop: 10.3.0.101
\tBGP.med: 10
\tBGP.local_pref: 100
\tBGP.community: (65001,7) (65001,100)
                   via 10.3.0.103 on eth0 [Global_10_3_0_103 13:06:18] (100/0) [AS65002i]
\tType: BGP unicast univ
\tBGP.origin: IGP
\tBGP.as_path: 65002 65100
\tBGP.next_hop: 10.3.0.103
\tBGP.med: 20
\tBGP.local_pref: 100
10.3.0.0/24        dev eth0 [direct1 13:06:16] * (240)
\tType: device unicast univ
10.13.217.192/26   blackhole [static1 13:06:16] * (200)
\tType: static unicast univ
10.13.24.0/26      via 10.3.0.12 on eth0 [Mesh_10_3_0_12 13:06:18] * (100/0) [i]
\tType: BGP unicast univ
\tBGP.origin: IGP
\tBGP.as_path: 
\tBGP.next_hop: 10.3.0.12
\tBGP.local_pref: 2147482623
\tBGP.originator_id: 10.3.0.12
\tBGP.cluster_list: 244.0.0.1
`;

const PEERS = new Map([
  ['Global_10_3_0_101', '10.3.0.101'],
  ['Global_10_3_0_103', '10.3.0.103'],
  ['Mesh_10_3_0_12', '10.3.0.12'],
]);

const path = (p: Partial<PathView> & { from: string }): PathView => ({ nextHop: '', asPath: [], origin: 'igp', med: null, localPref: 100, communities: [], originatorId: null, clusterList: [], best: false, ...p });

describe('emulate: birdc output and comparison', () => {
  const parsed = parseShowRouteAll(OUTPUT, PEERS, new Set(['static1']));

  it('keeps BGP and own static routes with every attribute, in BIRD order, best marked', () => {
    expect([...parsed.keys()]).toEqual(['10.99.0.0/16', '10.13.217.192/26', '10.13.24.0/26']);
    expect(parsed.get('10.99.0.0/16')).toEqual([
      path({ from: '10.3.0.101', nextHop: '10.3.0.101', asPath: [65001, 65100], med: 10, communities: ['65001:100', '65001:7'], best: true }),
      path({ from: '10.3.0.103', nextHop: '10.3.0.103', asPath: [65002, 65100], med: 20 }),
    ]);
    expect(parsed.get('10.13.217.192/26')).toEqual([path({ from: 'local', best: true })]);
    expect(parsed.get('10.13.24.0/26')).toEqual([path({ from: '10.3.0.12', nextHop: '10.3.0.12', localPref: 2147482623, originatorId: '10.3.0.12', clusterList: ['244.0.0.1'], best: true })]);
  });

  it('reports each differing field with both values, a missing path and a different ECMP set', () => {
    const real: NodeView = { paths: parsed, kernel: new Map([['10.99.0.0/16', ['10.3.0.101']]]) };
    const simPaths = new Map(parsed);
    simPaths.set('10.99.0.0/16', [
      { ...(parsed.get('10.99.0.0/16')?.[0] as PathView), best: false },
      { ...(parsed.get('10.99.0.0/16')?.[1] as PathView), best: true, med: 0 },
    ]);
    simPaths.delete('10.13.24.0/26');
    const sim: NodeView = { paths: simPaths, kernel: new Map([['10.99.0.0/16', ['10.3.0.101', '10.3.0.103']]]) };
    expect(compareViews('e-1', real, sim)).toEqual([
      { node: 'e-1', prefix: '10.13.24.0/26', from: '10.3.0.12', field: 'path', real: 'present', simulated: '(none)' },
      { node: 'e-1', prefix: '10.99.0.0/16', from: '10.3.0.101', field: 'best', real: 'true', simulated: 'false' },
      { node: 'e-1', prefix: '10.99.0.0/16', from: '10.3.0.103', field: 'med', real: '20', simulated: '0' },
      { node: 'e-1', prefix: '10.99.0.0/16', from: '10.3.0.103', field: 'best', real: 'false', simulated: 'true' },
      { node: 'e-1', prefix: '10.99.0.0/16', from: '-', field: 'ecmp', real: '["10.3.0.101"]', simulated: '["10.3.0.101","10.3.0.103"]' },
    ]);
    expect(compareViews('e-1', real, real)).toEqual([]);
  });
});
