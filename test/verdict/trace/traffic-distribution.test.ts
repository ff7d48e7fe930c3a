// trafficDistribution: PreferClose — the EndpointSlice controller hints each endpoint for its own zone and
// kube-proxy keeps a node's ClusterIP traffic in the node's zone (KEP-4444 over KEP-2433's hints); without the
// field, or when an endpoint has no zone, every endpoint stays a candidate.
import { describe, expect, it } from 'vitest';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import type { Trace } from '../../../src/verdict/trace/types.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { tempTree } from '../../scenario/helpers.js';
import { edgeRun, editedScenario } from './edge-fixtures.js';

const ZONE = 'topology.kubernetes.io/zone';
const NODES = 'nodes: { count: 4, name: "acme-{i}", labels: { zone: a } }';
const zoned = (zones: readonly (string | undefined)[]): string =>
  `nodes: [${zones.map((z, i) => `{ name: acme-${i + 1}${z === undefined ? '' : `, labels: { ${ZONE}: ${z} }`} }`).join(', ')}]`;
const API = '{ name: api, namespace: shop, selector: { app: api }, ports: [{ port: 80, targetPort: 9000 }] }';
const preferClose = API.replace(' }, ports', ' }, trafficDistribution: PreferClose, ports');

function trace(file: string): { t: Trace; clientZone: string | undefined; zoneOf: (pod: string) => string | undefined } {
  const r = edgeRun(file, '30s');
  const ci = r.run.model.clusterByName.get('acme')!;
  const svc = r.run.model.clusters[ci]!.services.find((s) => s.name === 'api')!;
  const t = tracePacket(r.run, r.policies, { from: 'acme/shop/frontend-0', to: svc.clusterIP!, protocol: 6, protocolName: 'TCP', port: 80 });
  if (typeof t === 'string') throw new Error(t);
  const nodeZone = (node: number): string | undefined => (node >= 0 ? r.run.model.nodes[node]!.labels[ZONE] : undefined);
  const podNode = (name: string): number => r.run.pods.pods.find((p) => p.cluster === ci && p.namespace === 'shop' && p.base.name === name)?.node ?? -1;
  return { t, clientZone: nodeZone(podNode('frontend-0')), zoneOf: (pod) => nodeZone(podNode(pod)) };
}

describe('trafficDistribution: PreferClose', () => {
  it("keeps a client's ClusterIP traffic in its node's zone when every endpoint has a zone", () => {
    // Four zones for four nodes: the client's zone holds at most the endpoints on its own node.
    for (const zones of [['z1', 'z1', 'z2', 'z2'], ['z1', 'z2', 'z1', 'z2']]) {
      const { t, clientZone, zoneOf } = trace(editedScenario(`pc-${zones.join('')}`, [[NODES, zoned(zones)], [API, preferClose]]));
      const kp = t.hops[0]!;
      expect(kp.step).toBe('kube-proxy');
      const picked = /DNAT to shop\/(api-\d+)/.exec(kp.detail)?.[1];
      expect(picked).toBeDefined();
      if (kp.detail.includes('topology hints')) {
        expect(kp.detail).toContain(`for zone ${clientZone}`);
        expect(zoneOf(picked!)).toBe(clientZone);
      } else {
        // No endpoint in the client's zone: kube-proxy falls back to every endpoint (KEP-2433).
        expect(['api-0', 'api-1'].map(zoneOf)).not.toContain(clientZone);
      }
    }
  });

  it('has no effect without the field, or when an endpoint lacks a zone', () => {
    const plain = trace(editedScenario('pc-none', [[NODES, zoned(['z1', 'z1', 'z2', 'z2'])]]));
    expect(plain.t.hops[0]!.detail).not.toContain('topology hints');
    const partial = trace(editedScenario('pc-partial', [[NODES, zoned(['z1', undefined, 'z2', undefined])], [API, preferClose]]));
    const apiZones = ['api-0', 'api-1'].map(partial.zoneOf);
    if (apiZones.includes(undefined)) expect(partial.t.hops[0]!.detail).not.toContain('topology hints');
  });

  it('is read from a v1 Service, and refuses values kube-proxy would not honour', () => {
    const ok = tempTree({ 's.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: shop }\nspec:\n  selector: { app: api }\n  trafficDistribution: PreferSameZone\n  ports: [{ port: 80 }]\n' });
    const svc = loadScenario(`${ok}/s.yaml`).tenants[0]!.services[0]!;
    expect(svc.trafficDistribution).toBe('PreferSameZone');
    const bad = tempTree({ 's.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: shop }\nspec:\n  selector: { app: api }\n  trafficDistribution: Nearby\n  ports: [{ port: 80 }]\n' });
    expect(() => loadScenario(`${bad}/s.yaml`)).toThrow(/trafficDistribution/);
  });
});
