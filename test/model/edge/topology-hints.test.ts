// The EndpointSlice controller's topology-mode: Auto hints (k8s.io/endpointslice topologycache): known answers
// from its TestAddHints cases and getAllocations' fallbacks, and the hints on the timeline through kube-proxy.
import { describe, expect, it } from 'vitest';
import { topologyHints, type HintInput } from '../../../src/model/edge/topology-hints.js';
import { serviceEndpoints } from '../../../src/verdict/trace/service-endpoints.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { tempTree } from '../../scenario/helpers.js';
import { edgeRun, editedScenario } from '../../verdict/trace/edge-fixtures.js';

const ready = (...zones: string[]): HintInput[] => zones.map((zone) => ({ ready: true, zone }));
const cpu = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));

describe('topologyHints (TopologyCache.AddHints)', () => {
  it('gives each ready endpoint its own zone when the zones hold their share (TestAddHints "zone ratios only require 2")', () => {
    expect(topologyHints(ready('zone-a', 'zone-b'), cpu({ 'zone-a': 45, 'zone-b': 55 }))).toEqual({ hints: ['zone-a', 'zone-b'] });
    // Not-ready endpoints get no hint and do not count.
    const mixed = [...ready('zone-a', 'zone-b'), { ready: false, zone: 'zone-b' }];
    expect(topologyHints(mixed, cpu({ 'zone-a': 45, 'zone-b': 55 }))).toEqual({ hints: ['zone-a', 'zone-b', undefined] });
  });

  it('moves an endpoint from a zone over its share to one under it (TestAddHints "within 3 zone threshold")', () => {
    // Ten endpoints over zones a .35, b .35, c .30 hold 5, 2 and 3: a gives its first endpoint to b.
    const slice = ready('zone-a', 'zone-b', 'zone-c', 'zone-c', 'zone-a', 'zone-a', 'zone-a', 'zone-b', 'zone-c', 'zone-a');
    const r = topologyHints(slice, cpu({ 'zone-a': 35, 'zone-b': 35, 'zone-c': 30 }));
    expect(r).toEqual({ hints: ['zone-b', 'zone-b', 'zone-c', 'zone-c', 'zone-a', 'zone-a', 'zone-a', 'zone-b', 'zone-c', 'zone-a'] });
  });

  it('sets no hints with fewer endpoints than zones, one zone, no node info, or an overloaded minimum', () => {
    expect(topologyHints(ready('zone-a', 'zone-b'), cpu({ 'zone-a': 30, 'zone-b': 40, 'zone-c': 30 }))).toEqual({ none: 'insufficient number of endpoints (2 endpoints, 3 zones)' });
    expect(topologyHints(ready('zone-a', 'zone-a'), cpu({ 'zone-a': 100 }))).toEqual({ none: 'the ready nodes are in one zone only' });
    expect(topologyHints(ready('zone-a', 'zone-b'), undefined)).toMatchObject({ none: expect.stringContaining('insufficient node info') });
    // .25 / .75 of 2 endpoints: minimums ⌈0.5/1.2⌉ = 1 and ⌈1.5/1.2⌉ = 2 exceed 2.
    expect(topologyHints(ready('zone-a', 'zone-b'), cpu({ 'zone-a': 2000, 'zone-b': 6000 }))).toEqual({ none: 'the minimum allocations would overload a zone (2 endpoints, 2 zones)' });
    expect(topologyHints([{ ready: true, zone: 'zone-a' }, { ready: true }], cpu({ 'zone-a': 1, 'zone-b': 1 }))).toEqual({ none: 'an endpoint has no zone' });
  });
});

describe('topologyMode: Auto on a Service', () => {
  const ZONE = 'topology.kubernetes.io/zone';
  const NODES = 'nodes: { count: 4, name: "acme-{i}", labels: { zone: a } }';
  const nodes = (list: readonly { zone: string; cpu?: string }[]): string =>
    `nodes: [${list.map((n, i) => `{ name: acme-${i + 1}, labels: { ${ZONE}: ${n.zone} }${n.cpu ? `, cpu: "${n.cpu}"` : ''} }`).join(', ')}]`;
  const API = '{ name: api, namespace: shop, selector: { app: api }, ports: [{ port: 80, targetPort: 9000 }] }';
  const auto = API.replace(' }, ports', ' }, topologyMode: Auto, ports');
  const hintsOf = (file: string): { pod: string; zone: string | undefined; forZones: readonly string[] | undefined }[] => {
    const { run } = edgeRun(file, '30s');
    const ci = run.model.clusterByName.get('acme')!;
    const svc = run.model.clusters[ci]!.services.find((s) => s.name === 'api')!;
    return serviceEndpoints(run, ci, svc, svc.ports[0]!).map((e) => ({ pod: e.pod.name, zone: e.zone, forZones: e.forZones }));
  };

  it('hints by node count when no CPU is stated, by CPU when it is', () => {
    // Two zones of two nodes each, one endpoint in each: each keeps its own zone.
    expect(hintsOf(editedScenario('auto-equal', [[NODES, nodes([{ zone: 'z1' }, { zone: 'z1' }, { zone: 'z2' }, { zone: 'z2' }])], [API, auto]]))).toEqual([
      { pod: 'api-0', zone: 'z2', forZones: ['z2'] },
      { pod: 'api-1', zone: 'z1', forZones: ['z1'] },
    ]);
    // z2 has three times z1's CPU: z2's minimum of ⌈1.5/1.2⌉ = 2 endpoints would overload it, so no hints.
    const weighted = editedScenario('auto-cpu', [[NODES, nodes([{ zone: 'z1', cpu: '1' }, { zone: 'z1', cpu: '1' }, { zone: 'z2', cpu: '3' }, { zone: 'z2', cpu: '3000m' }])], [API, auto]]);
    expect(hintsOf(weighted).map((e) => e.forZones)).toEqual([undefined, undefined]);
  });

  it('reads the annotation of a v1 Service and a Node\'s allocatable CPU, and reports a value that is not Auto', () => {
    const svc = (value: string): string => `apiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: shop, annotations: { service.kubernetes.io/topology-mode: ${value} } }\nspec:\n  selector: { app: api }\n  ports: [{ port: 80 }]\n`;
    const node = 'apiVersion: v1\nkind: Node\nmetadata: { name: n1, labels: { topology.kubernetes.io/zone: z1 } }\nstatus: { addresses: [{ type: InternalIP, address: 10.0.0.5 }], allocatable: { cpu: 3500m, pods: "110" } }\n';
    const ok = loadScenario(`${tempTree({ 's.yaml': svc('auto'), 'n.yaml': node })}`);
    expect(ok.tenants[0]!.services[0]!.topologyMode).toBe('Auto');
    expect(ok.tenants[0]!.nodes[0]!.cpu).toBe('3500m');
    const off = loadScenario(`${tempTree({ 's.yaml': svc('Disabled') })}/s.yaml`);
    expect(off.tenants[0]!.services[0]!.topologyMode).toBeUndefined();
    expect(off.warnings.map((w) => `${w.path}: ${w.message}`)).toContainEqual(expect.stringMatching(/metadata\.annotations\.service\.kubernetes\.io\/topology-mode: "Disabled" is not Auto: the EndpointSlice controller sets no topology hints$/));
  });
});
