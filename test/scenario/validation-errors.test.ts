// Every problem of a bad scenario is reported at once, each at its exact line, column and field path.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf, scenarioFile } from './helpers.js';

const fixture = fileURLToPath(new URL('../fixtures/scenario/mistakes.yaml', import.meta.url));

describe('a scenario with many mistakes', () => {
  const found = brief(diagnosticsOf(fixture));

  it.each([
    '12:25 platform.loadBalancers[0].members[0].host: mgmt-9 is neither a management host nor an IPv4 address (did you mean `mgmt-1`?)',
    '18:17 tenants[0].calico.asNumber: 0 is not an AS number (1..4294967295, or dotted a.b)',
    '19:34 tenants[0].calico.routeReflectors.nodes[0]: node acme-3 does not exist (did you mean `acme-1`?)',
    '21:51 tenants[0].calico.ipPools[0].ipipMode: Alwayz is not one of Always, CrossSubnet, Never (did you mean `Always`?)',
    '22:28 tenants[0].calico.ipPools[1].cidr: 10.1.128.0/17 overlaps pool a (10.1.0.0/16)',
    '22:72 tenants[0].calico.ipPools[1].nodeSelector: invalid selector "zone == \'a\' &&": unexpected end of selector (column 15)',
    '24:23 tenants[0].namespaces[0].lables: unknown field `lables` (did you mean `labels`?)',
    '26:33 tenants[0].workloads[0].namespace: namespace shopp is not declared (did you mean `shop`?)',
    '26:50 tenants[0].workloads[0].replicas: expected an integer, got the string "three"',
    '27:64 tenants[0].workloads[1].ports[0].containerPort: 70000 is not a valid port in 1..65535',
    `28:11 tenants[1].name: duplicate tenant acme (first at ${fixture}:14)`,
    '31:34 tenants[1].calico.ipPools[0].cidr: 10.9.0.1/16 has host bits set (did you mean 10.9.0.0/16?)',
    '31:58 tenants[1].calico.ipPools[0].blockSize: 19 is not a valid block size in 20..32',
    '35:34 tenants[2].calico.ipPools[0].cidr: 10.0.0.0/33 is not a CIDR',
    '35:66 tenants[2].calico.ipPools[1].cidr: pool prefix /28 is longer than its block size 26 (the pool must hold at least one block)',
    '37:16 tenants[2].services[0].name: missing required field `name`',
    '38:64 tenants[2].ingresses[0].paths[0].service: service frontend does not exist in namespace shop',
    '40:11 events[0].at: event at 1200s is beyond the horizon (900s)',
    '40:39 events[0].node: node acme-7 does not exist in acme',
    '42:19 expect.convergeWithin: 5 min is not a duration (like 90s, 5m, 1h30m, 250ms)',
    '44:60 expect.reach[0].from.workload: workload web does not exist in globex/shop',
  ])('reports %s', (line) => {
    expect(found).toContain(line);
  });

  it('reports nothing else, in file order, all as errors in the fixture file', () => {
    expect(found).toHaveLength(21);
    const all = diagnosticsOf(fixture);
    expect(all.every((d) => d.severity === 'error' && d.file === fixture)).toBe(true);
    const lines = all.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('single mistakes', () => {
  const one = (text: string): string[] => brief(diagnosticsOf(scenarioFile(text)));

  it('names the line of a YAML syntax error', () => {
    expect(one('name: x\ntenants:\n  - name: a\n    nodes: [a, b\n  - name: b\n')).toEqual([
      expect.stringMatching(/^5:\d+ : YAML syntax error: /),
    ]);
  });

  it('hints at quoting a placeholder inside a flow map', () => {
    const [d] = one('name: x\ntenants:\n  - { name: a, nodes: { count: 2, name: a-{i} } }\n');
    expect(d).toMatch(/^3:\d+ : YAML syntax error: .*quote values with placeholders: "a-\{i\}"/);
  });

  it('suggests the closest field name for an unknown top-level field', () => {
    expect(one('name: x\nhorizn: 5m\n')).toEqual(['2:1 horizn: unknown field `horizn` (did you mean `horizon`?)']);
  });

  it('offers no suggestion when nothing is close', () => {
    expect(one('name: x\nzzzzzzzz: 1\n')).toEqual(['2:1 zzzzzzzz: unknown field `zzzzzzzz`']);
  });

  it('rejects {i} outside a generator and an unknown template', () => {
    expect(one('tenants:\n  - { name: "a{i}", template: tmpl, underlay: { physical: { cidr: 10.0.0.0/8 } } }\n')).toEqual([
      '2:13 tenants[0].name: placeholder {i} is only valid inside a generator (nodes: {count, ...} or tenantSets)',
      '2:31 tenants[0].template: unknown template `tmpl`',
    ]);
  });

  it('checks AS numbers, ports, dotted AS and peer exclusivity', () => {
    const text = [
      'tenants:',
      '  - name: a',
      '    underlay: { physical: { cidr: 10.0.0.0/16 } }',
      '    nodes: [{ name: n1 }]',
      '    calico:',
      '      asNumber: 1.10',
      '      peers:',
      '        - { name: tor, peerIP: 10.0.0.254, asNumber: 4294967296, node: n1, nodeSelector: all() }',
      '        - { name: tor2, peerIP: 10.0.0.300, asNumber: "65536.1", holdTime: 2s, announce: [{ prefix: 10.5.0.0/16, communities: ["65001:100", "70000:1"], origin: bgp }] }',
    ].join('\n');
    expect(one(text)).toEqual([
      '8:54 tenants[0].calico.peers[0].asNumber: 4294967296 is not an AS number (1..4294967295, or dotted a.b)',
      '8:90 tenants[0].calico.peers[0].nodeSelector: node and nodeSelector are mutually exclusive',
      '9:33 tenants[0].calico.peers[1].peerIP: 10.0.0.300 is not an IPv4 address',
      '9:55 tenants[0].calico.peers[1].asNumber: 65536.1 is not an AS number (1..4294967295, or dotted a.b)',
      '9:76 tenants[0].calico.peers[1].holdTime: holdTime must be 0 or at least 3s (RFC 4271)',
      '9:141 tenants[0].calico.peers[1].announce[0].communities[1]: 70000:1 is not a BGP community (aa:nn or aa:nn:mm)',
      '9:161 tenants[0].calico.peers[1].announce[0].origin: bgp is not one of igp, egp, incomplete (did you mean `egp`?)',
    ]);
  });

  it('reads a dotted AS number as a·65536+b', () => {
    const s = loadScenario(scenarioFile('tenants:\n  - { name: a, underlay: { physical: { cidr: 10.0.0.0/16 } }, calico: { asNumber: 1.10 } }\n'));
    expect(s.tenants[0]?.calico.asNumber).toBe(65546);
  });

  it('requires the underlay a placement needs and unique VNIs', () => {
    const text = [
      'platform:',
      '  management: { name: m, underlay: { physical: { cidr: 10.0.0.0/24 } }, nodes: [{ name: h1 }] }',
      'tenants:',
      '  - { name: a, placement: cloud, underlay: { flannel: { network: 172.16.0.0/16 } } }',
      '  - { name: b, underlay: { flannel: { vni: 7, network: 172.17.0.0/16 } } }',
      '  - { name: c, underlay: { flannel: { vni: 7, network: 172.18.0.0/16, subnetLen: 17 } } }',
      '  - { name: d, underlay: { physical: { cidr: 10.1.0.0/16 } }, nodes: [{ name: d1, host: h2 }] }',
    ].join('\n');
    expect(one(text)).toEqual([
      '4:44 tenants[0].underlay: a cloud tenant needs underlay.vpc, not flannel',
      '6:44 tenants[2].underlay.flannel.vni: VNI 7 is already used by tenant b',
      '6:82 tenants[2].underlay.flannel.subnetLen: subnetLen /17 does not fit four times into 172.18.0.0/16',
      '7:26 tenants[3].underlay: an onprem tenant of a platform needs underlay.flannel (its VMs sit on a flannel network)',
      '7:89 tenants[3].nodes[0].host: management host h2 does not exist (did you mean `h1`?)',
    ]);
  });
});
