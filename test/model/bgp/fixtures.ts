// test fixtures: small ClusterSpecs, Calico manifests parsed from YAML with real source positions,
// and node inputs for the BGP derivation tests.
import { DiagnosticSink, type SourceRef } from '../../../src/lib/diagnostics.js';
import { locatorOf, toJson } from '../../../src/scenario/read/positioned.js';
import { DEFAULT_LIMITS, parseYamlText } from '../../../src/scenario/read/read-yaml.js';
import type { BgpNodeInput } from '../../../src/model/bgp/derive-bgp-configs.js';
import type {
  CalicoSpec,
  ClusterSpec,
  IpPoolSpec,
  JsonObject,
  Labels,
  Manifest,
  NodeSpec,
} from '../../../src/scenario/types.js';

export const SRC: SourceRef = { file: 'scenario.yaml', line: 1, col: 1 };

/** Parses multi-document YAML into Manifests whose `locate` resolves field paths to line:col (the scenario reader's
 *  positioned trees). */
export function manifests(text: string, file = 'bgp.yaml'): Manifest[] {
  return (parseYamlText(text, file, new DiagnosticSink(), DEFAULT_LIMITS) ?? []).map((doc) => {
    const body = toJson(doc) as JsonObject;
    const meta = (body['metadata'] ?? {}) as JsonObject;
    const locate = locatorOf(doc);
    return {
      apiVersion: String(body['apiVersion'] ?? ''),
      kind: String(body['kind'] ?? ''),
      name: String(meta['name'] ?? ''),
      labels: (meta['labels'] ?? {}) as Labels,
      annotations: (meta['annotations'] ?? {}) as Labels,
      body,
      src: locate('metadata'),
      locate,
    };
  });
}

export function pool(cidr: string, extra: Partial<IpPoolSpec> = {}): IpPoolSpec {
  return {
    name: `pool-${cidr.replace(/[./]/g, '-')}`,
    cidr,
    blockSize: 26,
    ipipMode: 'Never',
    vxlanMode: 'Never',
    natOutgoing: true,
    disabled: false,
    disableBGPExport: false,
    nodeSelector: 'all()',
    allowedUses: ['Workload', 'Tunnel'],
    src: SRC,
    ...extra,
  };
}

export interface TestNode {
  readonly name: string;
  readonly ip: string;
  readonly labels?: Labels;
}

/** A cluster with the given nodes and Calico settings (defaults as the scenario parser applies them). */
export function cluster(nodes: readonly TestNode[], calico: Partial<CalicoSpec> = {}, name = 'acme'): ClusterSpec {
  const nodeSpecs: NodeSpec[] = nodes.map((n) => ({ name: n.name, ip: n.ip, labels: n.labels ?? {}, maxPods: 110, src: SRC }));
  return {
    name,
    nodes: nodeSpecs,
    underlay: { kind: 'physical', cidr: '10.0.0.0/24', mtu: 1500, src: SRC },
    calico: {
      asNumber: 64512,
      nodeToNodeMeshEnabled: true,
      peers: [],
      ipPools: [pool('192.168.0.0/16', { ipipMode: 'Always' })],
      strictAffinity: false,
      maxBlocksPerHost: 0,
      serviceClusterIPs: [],
      serviceExternalIPs: [],
      serviceLoadBalancerIPs: [],
      vethMtu: 0,
      resources: [],
      src: SRC,
      ...calico,
    },
    namespaces: [],
    workloads: [],
    pods: [],
    services: [],
    ingresses: [],
    policies: [],
    ignored: [],
    src: SRC,
  };
}

/** Node inputs (prefix /16 unless given) from test nodes. */
export function bgpNodes(nodes: readonly TestNode[], prefixLen = 16): BgpNodeInput[] {
  return nodes.map((n) => ({ name: n.name, ip: n.ip, prefixLen, labels: n.labels ?? {} }));
}

/** Test nodes node-1..node-n at base.1 .. base.n. */
export function numberedNodes(n: number, base = '10.0.0'): TestNode[] {
  return Array.from({ length: n }, (_, i) => ({ name: `node-${i + 1}`, ip: `${base}.${i + 1}` }));
}
