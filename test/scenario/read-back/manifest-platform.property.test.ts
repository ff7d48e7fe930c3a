// Round trip of the load balancers, as a property: generated F5 balancers (VIPs, members with ratios and
// priority groups, every method, monitors of every type, SNAT, an HA pair) and MetalLB balancers (L2, or BGP
// with peers), in any order, are written by `calisim manifests` and read back from the set's root with the same
// fields in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { LB_METHODS } from '../../../src/scenario/loadbalancer/lb-schema.js';
import type { JsonObject, LoadBalancerSpec } from '../../../src/scenario/types.js';
import { scenarioFile, tempTree } from '../helpers.js';

const HOSTS = ['mgmt-1', 'mgmt-2', 'mgmt-3'];

const monitorArb: fc.Arbitrary<JsonObject> = fc
  .record({
    type: fc.constantFrom('http', 'https', 'tcp', 'gateway-icmp'),
    port: fc.constantFrom(0, 10254),
    send: fc.constantFrom('GET /healthz HTTP/1.0\r\n\r\n', 'HEAD / HTTP/1.1\r\nHost: x\r\n\r\n'),
    receive: fc.constantFrom('', '200 OK'),
    interval: fc.integer({ min: 1, max: 10 }),
    extra: fc.integer({ min: 1, max: 20 }),
  })
  .map((m) => ({
    type: m.type,
    ...(m.type === 'gateway-icmp' ? {} : { port: m.port }),
    ...(m.type === 'http' || m.type === 'https' ? { send: m.send, receive: m.receive } : {}),
    interval: `${m.interval}s`,
    timeout: `${m.interval + m.extra}s`,
  }));

const f5Arb = (i: number): fc.Arbitrary<JsonObject> =>
  fc
    .record({
      vips: fc.uniqueArray(fc.record({ k: fc.integer({ min: 0, max: 3 }), port: fc.constantFrom(80, 443, 8443), protocol: fc.constantFrom('TCP', 'UDP'), memberPort: fc.option(fc.constantFrom(30080, 31443), { nil: undefined }) }), { minLength: 1, maxLength: 3, selector: (v) => `${v.k}:${v.port}` }),
      members: fc.uniqueArray(fc.record({ host: fc.constantFrom(...HOSTS), port: fc.constantFrom(30443, 31443), ratio: fc.integer({ min: 0, max: 4 }), priorityGroup: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 5, selector: (m) => `${m.host}:${m.port}` }),
      method: fc.constantFrom(...LB_METHODS),
      minimumMembersActive: fc.integer({ min: 0, max: 3 }),
      snat: fc.constantFrom('automap', 'none'),
      monitors: fc.array(monitorArb, { minLength: 1, maxLength: 2 }),
      ha: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    })
    .map((f) => ({
      name: `f5-${i}`,
      vips: f.vips.map((v) => ({ address: `203.0.113.${10 * i + v.k + 1}`, port: v.port, protocol: v.protocol, ...(v.memberPort === undefined ? {} : { memberPort: v.memberPort }) })),
      members: f.members,
      method: f.method,
      priorityGroups: { minimumMembersActive: f.minimumMembersActive },
      snat: f.snat,
      monitors: f.monitors,
      ...(f.ha === undefined ? {} : { ha: { peer: `f5-${i}-standby`, failover: `${f.ha}s` } }),
    }));

const metallbArb = (i: number): fc.Arbitrary<JsonObject> =>
  fc
    .record({ bgp: fc.boolean(), ports: fc.uniqueArray(fc.constantFrom(80, 443, 8443), { minLength: 1, maxLength: 3 }), peers: fc.integer({ min: 1, max: 2 }), pinned: fc.boolean(), hold: fc.integer({ min: 3, max: 180 }) })
    .map((m) => ({
      name: `sw-${i}`,
      kind: 'metallb',
      vips: m.ports.map((port) => ({ address: `198.51.100.${i + 1}`, port })),
      ...(m.bgp
        ? {
            mode: 'bgp',
            peers: Array.from({ length: m.peers }, (_, p) => ({ peerAddress: `192.0.2.${10 * i + p + 1}`, peerASN: 64600 + p, myASN: 64500, holdTime: `${m.hold}s`, ...(m.pinned ? { nodes: HOSTS.slice(0, p + 1) } : {}) })),
          }
        : {}),
    }));

const balancersArb: fc.Arbitrary<JsonObject[]> = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }))
  .filter(([f, m]) => f + m > 0)
  .chain(([f, m]) => fc.tuple(...Array.from({ length: f }, (_, i) => f5Arb(i)), ...Array.from({ length: m }, (_, i) => metallbArb(i))))
  // Any order of the two kinds: the read-back keeps the scenario's.
  .chain((lbs) => fc.shuffledSubarray(lbs, { minLength: lbs.length, maxLength: lbs.length }));

function scenarioOf(loadBalancers: readonly JsonObject[]): string {
  return stringify({
    name: 'lbs',
    platform: {
      management: {
        name: 'mgmt',
        underlay: { physical: { cidr: '10.0.0.0/24' } },
        nodes: HOSTS.map((name, i) => ({ name, ip: `10.0.0.${11 + i}` })),
        calico: { ipPools: [{ name: 'pods', cidr: '10.200.0.0/16' }] },
      },
      loadBalancers,
    },
  });
}

/** A balancer without its source position, its members in one order (the AS3 Pool groups them by port, ratio and priority group). */
const plain = (lb: LoadBalancerSpec): unknown => {
  const { src: _src, ...rest } = lb;
  return { ...rest, members: [...lb.members].sort((a, b) => `${a.host}:${a.port}`.localeCompare(`${b.host}:${b.port}`)) };
};
const inOrder = (lbs: readonly LoadBalancerSpec[] = []): unknown => lbs.map(plain);

describe('load balancers read back from a manifest set', () => {
  it('come back with the fields they were written with', () => {
    fc.assert(
      fc.property(balancersArb, (lbs) => {
        const scenario = loadScenario(scenarioFile(scenarioOf(lbs)));
        const run = runPlatform(buildModel(scenario), { until: 0 });
        const dir = tempTree(Object.fromEntries(buildManifestSet(run, { format: 'yaml' }).map((f) => [f.path, f.data])));
        expect(inOrder(loadScenario(dir).platform?.loadBalancers)).toEqual(inOrder(scenario.platform!.loadBalancers));
      }),
      { numRuns: 15 },
    );
  });
});
