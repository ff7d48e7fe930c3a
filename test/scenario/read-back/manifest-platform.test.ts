// The platform of a manifest set read back: the management cluster's ingress controller and its load
// balancers (AS3 declarations, MetalLB resources, the HA pairs and MetalLB VIP ports the kustomization header
// records) come back as the scenario had them; what the read-back does not understand is warned about.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { scenarioFile, tempTree } from '../helpers.js';
import { runInProcess } from '../../cli/run-in-process.js';

const SCENARIO = `name: lbs
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/24 } }
    nodes: [{ name: mgmt-1, ip: 10.0.0.11 }, { name: mgmt-2, ip: 10.0.0.12 }, { name: mgmt-3, ip: 10.0.0.13 }]
    calico: { ipPools: [{ name: pods, cidr: 10.200.0.0/16 }] }
  ingress: { name: edge, replicas: 2, className: public, serviceType: NodePort, httpNodePort: 31080, httpsNodePort: 31443, externalTrafficPolicy: Local }
  loadBalancers:
    - name: f5-a
      vips: [{ address: 203.0.113.5, port: 443 }, { address: 203.0.113.5, port: 53, protocol: UDP }, { address: 203.0.113.5, port: 80, memberPort: 31080 }]
      members: [{ host: mgmt-1, port: 31443, ratio: 3 }, { host: mgmt-2, port: 31443 }, { host: mgmt-3, port: 8443, priorityGroup: 2 }]
      method: ratio-member
      priorityGroups: { minimumMembersActive: 2 }
      snat: none
      monitors: [{ type: http, port: 10254, send: "GET /healthz HTTP/1.0\\r\\n\\r\\n", receive: "200 OK", interval: 3s, timeout: 10s }, { type: gateway-icmp }]
      ha: { peer: f5-a-standby, failover: 4s }
    - { name: f5-b, vips: [{ address: 203.0.113.6, port: 443 }], members: [{ host: mgmt-3, port: 31443 }], method: source-address, monitors: [{ type: tcp }] }
    - { name: f5-c, mode: cluster, servicePort: 80, cis: { as3PostDelay: 2s, nodePollInterval: 10s }, vips: [{ address: 203.0.113.7, port: 80 }], method: least-connections-node }
    - { name: sw-l2, kind: metallb, vips: [{ address: 203.0.113.10, port: 443 }, { address: 203.0.113.10, port: 80 }] }
    - name: sw-bgp
      kind: metallb
      mode: bgp
      vips: [{ address: 198.51.100.12, port: 443 }]
      addresses: [198.51.100.10-198.51.100.20]
      peers:
        - { peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500, nodes: [mgmt-1] }
        - { peerAddress: 10.0.0.2, peerASN: 64501, myASN: 64500, holdTime: 9s, ecmp: resilient }
`;

/** The scenario's manifest set written to a folder (its root). */
function writtenSet(scenario: Scenario): string {
  const run = runPlatform(buildModel(scenario), { until: 0 });
  return tempTree(Object.fromEntries(buildManifestSet(run, { format: 'yaml' }).map((f) => [f.path, f.data])));
}

/** Records without their source positions (those differ between the scenario and the set). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'src' ? undefined : x)));

describe('reading back the platform of a manifest set', () => {
  const scenario = loadScenario(scenarioFile(SCENARIO));
  const dir = writtenSet(scenario);
  const back = loadScenario(dir);

  it('gives the ingress controller and every load balancer with the same fields', () => {
    expect(plain(back.platform?.ingress)).toEqual(plain(scenario.platform!.ingress));
    // In the scenario's order (sw-l2 before sw-bgp), which the file names carry: not the names' order.
    expect(plain(back.platform?.loadBalancers)).toEqual(plain(scenario.platform!.loadBalancers));
  });

  it('records only the MetalLB VIP ports and the HA pair in the kustomization header', () => {
    const header = readFileSync(join(dir, 'mgmt/kustomization.yaml'), 'utf8').split('\n').filter((l) => l.startsWith('# calisim.io/'));
    expect(header).toEqual([
      '# calisim.io/ha f5-a: f5-a-standby 4000ms',
      '# calisim.io/vips sw-l2: 203.0.113.10:443/TCP 203.0.113.10:80/TCP',
      '# calisim.io/vips sw-bgp: 198.51.100.12:443/TCP',
    ]);
  });

  it('warns about a record line it cannot read, with its line', () => {
    const file = join(dir, 'mgmt/kustomization.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}# calisim.io/vips sw-l2: 203.0.113.10:https\n`);
    const warnings = loadScenario(dir).warnings.filter((w) => w.file === file && w.line > 0).map((w) => `${w.line}: ${w.message}`);
    writeFileSync(file, text);
    expect(warnings).toEqual([`${text.split('\n').length}: not a record this version reads (\`# calisim.io/vips NAME: ADDRESS:PORT/TCP ...\` or \`# calisim.io/ha NAME: PEER DURATION\`): ignored`]);
  });

  it('warns, with file, field, line and column, about what an AS3 declaration holds that it does not read', async () => {
    const file = join(dir, 'mgmt/loadbalancers/02-f5-b.as3.json');
    const decl = JSON.parse(readFileSync(file, 'utf8')) as { declaration: { calisim: { f5_b: Record<string, unknown> } } };
    const app = decl.declaration.calisim.f5_b;
    app['irule'] = { class: 'iRule', iRule: 'when HTTP_REQUEST {}' };
    (app['ingress_pool'] as Record<string, unknown>)['slowRampTime'] = 10;
    const text = JSON.stringify(decl, null, 2);
    writeFileSync(file, text);
    // An unread property is a problem with its key, placed at it; an unread object at the object.
    const lines = text.split('\n');
    const at = (needle: string, col: (l: string) => number): string => {
      const i = lines.findIndex((l) => l.includes(needle));
      return `${i + 1}:${col(lines[i]!)}`;
    };
    const slowRamp = at('"slowRampTime"', (l) => l.indexOf('"slowRampTime"') + 1);
    const irule = at('"irule"', (l) => l.indexOf('{') + 1);
    const warnings = loadScenario(dir).warnings.filter((w) => w.file === file).map((w) => `${w.line}:${w.col} ${w.path}: ${w.message}`);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^${slowRamp} declaration\\.calisim\\.f5_b\\.ingress_pool\\.slowRampTime: .*AS3 Pool property slowRampTime is not read back$`)),
      expect.stringMatching(new RegExp(`^${irule} declaration\\.calisim\\.f5_b\\.irule: .*AS3 iRule irule is not read back$`)),
    ]);
    // The same line and column in a JSON output's warnings.
    const r = await runInProcess(['validate', dir, '-o', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { warnings: { file: string; line: number; col: number; message: string }[] };
    const w = doc.warnings.find((d) => d.message.endsWith('AS3 Pool property slowRampTime is not read back'));
    expect(w === undefined ? undefined : `${w.line}:${w.col}`).toBe(slowRamp);
  });

  // A hand-edited value the scenario would refuse is an error naming the file, line and field (exit 2 in the CLI).
  it.each([
    ['a MetalLB peerASN of 0', 'mgmt/loadbalancers/05-sw-bgp.metallb.yaml', 'peerASN: 64501', 'peerASN: 0', /^BGPPeer sw-bgp-10-0-0-1: spec\.peerASN: 0 is not an AS number/],
    ['a MetalLB holdTime that is no duration', 'mgmt/loadbalancers/05-sw-bgp.metallb.yaml', 'holdTime: 9s', 'holdTime: soon', /^BGPPeer sw-bgp-10-0-0-2: spec\.holdTime: soon is not a duration/],
    ['an AS3 member port out of range', 'mgmt/loadbalancers/02-f5-b.as3.json', '"servicePort": 31443', '"servicePort": 70000', /\.members\[0\]\.servicePort: 70000 is not a valid port in 1\.\.65535$/],
    ['an AS3 member port out of range in a VIP\'s own pool', 'mgmt/loadbalancers/01-f5-a.as3.json', '"servicePort": 31080', '"servicePort": 70000', /ingress_pool_31080\.members\[0\]\.servicePort: 70000 is not a valid port in 1\.\.65535$/],
    ['an AS3 member ratio above 100', 'mgmt/loadbalancers/02-f5-b.as3.json', '"ratio": 1', '"ratio": 101', /\.members\[0\]\.ratio: 101 is not in 0\.\.100$/],
    ['a cluster-mode servicePort the ingress Service lacks', 'mgmt/loadbalancers/03-f5-c.as3.json', '"value": "80"', '"value": "8443"', /metadata\.servicePort\.value: 8443 is not a port of the ingress controller's Service \(80 or 443\)$/],
    ['a cluster-mode node poll interval that is no duration', 'mgmt/loadbalancers/03-f5-c.as3.json', '"value": "10s"', '"value": "often"', /metadata\.nodePollInterval\.value: often is not a duration/],
    ['ingress-nginx replicas above platform.ingress\'s bound', 'mgmt/install/ingress-nginx.yaml', 'replicas: 2\n', 'replicas: 20000\n', /^Deployment edge: spec\.replicas: 20000 is not in 0\.\.10000$/],
  ])('refuses %s with file, line and field', (_what, rel, from, to, message) => {
    const file = join(dir, rel);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
    let errors: { file: string; line: number; message: string }[] = [];
    try {
      loadScenario(dir);
    } catch (e) {
      errors = (e as { diagnostics: { file: string; line: number; path: string; message: string }[] }).diagnostics.map((d) => ({ file: d.file, line: d.line, message: `${d.path}: ${d.message}` }));
    } finally {
      writeFileSync(file, text);
    }
    const line = text.slice(0, text.indexOf(from)).split('\n').length;
    expect(errors).toEqual([{ file, line, message: expect.stringMatching(message) }]);
  });
});
