// model: the cluster-wide BGP settings confd works from — the scenario's `calico` block overlaid by the
// BGPConfiguration resources (`default` and `node.<name>`), as confd's client.go caches them.
import { isToken } from '../../lib/quote-token.js';
import { cidrProblem, ignoredInterfaceProblem } from './bird-values.js';
import type { Diagnostic } from '../../lib/diagnostics.js';
import { diagnosticAt } from '../../lib/diagnostics.js';
import type { CalicoSpec, Manifest } from '../../scenario/types.js';
import { parseAsNumber, parseDurationSeconds } from './bgp-values.js';
import { readPrefixCommunities } from './prefix-communities.js';
import type { BirdLogLevel, PrefixCommunities, ProgramClusterRoutes } from './types.js';
import { specReader, type SpecReader } from './manifest-fields.js';

export interface BgpGlobals {
  readonly asNumber: number;
  readonly meshEnabled: boolean;
  /** Global `listenPort`; 0 when not configured (BIRD listens on 179). */
  readonly listenPort: number;
  /** Per-node `listenPort` from `node.<name>` BGPConfigurations. */
  readonly nodeListenPorts: ReadonlyMap<string, number>;
  /** `nodeMeshMaxRestartTime` in seconds (graceful restart time of mesh sessions). */
  readonly nodeMeshMaxRestartTime?: number;
  readonly logLevel?: BirdLogLevel;
  readonly nodeLogLevels: ReadonlyMap<string, BirdLogLevel>;
  readonly bindMode: 'None' | 'NodeIP';
  readonly ignoredInterfaces: readonly string[];
  readonly normalRoutePriority: number;
  readonly programClusterRoutes: ProgramClusterRoutes;
  readonly serviceClusterIPs: readonly string[];
  readonly serviceExternalIPs: readonly string[];
  readonly serviceLoadBalancerIPs: readonly string[];
  /** `serviceLoadBalancerAggregation: Enabled` (default). */
  readonly lbAggregation: boolean;
  readonly communities?: readonly PrefixCommunities[];
  readonly nodeCommunities: ReadonlyMap<string, readonly PrefixCommunities[]>;
}

const PCR: readonly ProgramClusterRoutes[] = ['Enabled', 'Disabled', 'EnabledIPIPOnly', 'EnabledNoEncapOnly'];

/** Reads the global and per-node BGP settings of a cluster; problems go to `out`. */
export function readBgpGlobals(calico: CalicoSpec, out: Diagnostic[]): BgpGlobals {
  let asNumber = calico.asNumber;
  if (parseAsNumber(asNumber) === undefined) {
    out.push(diagnosticAt(calico.src, 'calico.asNumber', `AS number ${asNumber} is out of range 1..4294967295`));
    asNumber = 64512;
  }
  const g = {
    asNumber,
    meshEnabled: calico.nodeToNodeMeshEnabled,
    listenPort: 0,
    nodeListenPorts: new Map<string, number>(),
    nodeMeshMaxRestartTime: undefined as number | undefined,
    logLevel: undefined as BirdLogLevel | undefined,
    nodeLogLevels: new Map<string, BirdLogLevel>(),
    bindMode: 'None' as 'None' | 'NodeIP',
    ignoredInterfaces: [] as readonly string[],
    normalRoutePriority: 1024,
    programClusterRoutes: 'EnabledNoEncapOnly' as ProgramClusterRoutes,
    serviceClusterIPs: calico.serviceClusterIPs,
    serviceExternalIPs: calico.serviceExternalIPs,
    serviceLoadBalancerIPs: calico.serviceLoadBalancerIPs,
    lbAggregation: true,
    communities: undefined as readonly PrefixCommunities[] | undefined,
    nodeCommunities: new Map<string, readonly PrefixCommunities[]>(),
  };
  for (const m of calico.resources) {
    if (m.kind !== 'BGPConfiguration') continue;
    if (m.name === 'default') applyDefault(g, m, out);
    else if (m.name.startsWith('node.')) applyNode(g, m, m.name.slice('node.'.length), out);
    else specReader(m, out).warn('', 'ignored: a BGPConfiguration is named `default` or `node.<nodename>`');
  }
  return g;
}

type MutableGlobals = { -readonly [K in keyof BgpGlobals]: BgpGlobals[K] } & {
  nodeListenPorts: Map<string, number>;
  nodeLogLevels: Map<string, BirdLogLevel>;
  nodeCommunities: Map<string, readonly PrefixCommunities[]>;
};

function applyDefault(g: MutableGlobals, m: Manifest, out: Diagnostic[]): void {
  const r = specReader(m, out);
  if (r.has('asNumber')) {
    const as = parseAsNumber(r.raw('asNumber'));
    if (as === undefined) r.error('asNumber', 'AS number must be 1..4294967295 or dotted a.b');
    else g.asNumber = as;
  }
  g.meshEnabled = r.boolean('nodeToNodeMeshEnabled') ?? g.meshEnabled;
  g.listenPort = r.integer('listenPort', 1, 65535) ?? g.listenPort;
  if (r.has('nodeMeshMaxRestartTime')) {
    const t = parseDurationSeconds(r.raw('nodeMeshMaxRestartTime'));
    if (t === undefined) r.error('nodeMeshMaxRestartTime', 'must be a duration such as 120s');
    else g.nodeMeshMaxRestartTime = t;
  }
  g.logLevel = logLevel(r.string('logSeverityScreen')) ?? g.logLevel;
  g.bindMode = r.oneOf('bindMode', ['None', 'NodeIP'] as const) ?? g.bindMode;
  g.ignoredInterfaces = checked(r, 'ignoredInterfaces', r.stringList('ignoredInterfaces'), ignoredInterfaceProblem) ?? g.ignoredInterfaces;
  g.normalRoutePriority = r.integer('ipv4NormalRoutePriority', 1, 2147483646) ?? g.normalRoutePriority;
  g.programClusterRoutes = r.oneOf('programClusterRoutes', PCR) ?? g.programClusterRoutes;
  g.serviceClusterIPs = checked(r, 'serviceClusterIPs', r.cidrList('serviceClusterIPs'), cidrProblem) ?? g.serviceClusterIPs;
  g.serviceExternalIPs = checked(r, 'serviceExternalIPs', r.cidrList('serviceExternalIPs'), cidrProblem) ?? g.serviceExternalIPs;
  g.serviceLoadBalancerIPs = checked(r, 'serviceLoadBalancerIPs', r.cidrList('serviceLoadBalancerIPs'), cidrProblem) ?? g.serviceLoadBalancerIPs;
  const agg = r.oneOf('serviceLoadBalancerAggregation', ['Enabled', 'Disabled'] as const);
  if (agg !== undefined) g.lbAggregation = agg === 'Enabled';
  if (r.has('prefixAdvertisements')) g.communities = readPrefixCommunities(r);
  if (r.has('nodeMeshPassword')) r.warn('nodeMeshPassword', 'BGP passwords are not modelled (secrets are not read)');
  if (r.has('nodeMeshMaxRestartTime') && r.raw('nodeToNodeMeshEnabled') === false) {
    r.error('nodeMeshMaxRestartTime', 'nodeMeshMaxRestartTime cannot be set when nodeToNodeMeshEnabled is false');
  }
}

function applyNode(g: MutableGlobals, m: Manifest, node: string, out: Diagnostic[]): void {
  const r = specReader(m, out);
  const port = r.integer('listenPort', 1, 65535);
  if (port !== undefined) g.nodeListenPorts.set(node, port);
  const level = logLevel(r.string('logSeverityScreen'));
  if (level !== undefined) g.nodeLogLevels.set(node, level);
  if (r.has('prefixAdvertisements')) g.nodeCommunities.set(node, readPrefixCommunities(r));
}

/** The entries of a list field that pass `problem`; each failing one is reported and left out. */
function checked(r: SpecReader, field: string, list: string[] | undefined, problem: (v: string) => string | undefined): string[] | undefined {
  return list?.filter((v, i) => {
    const why = problem(v);
    if (why !== undefined) r.error(`${field}[${i}]`, `${isToken(v) ? v : `a value of ${v.length} characters`} ${why}`);
    return why === undefined;
  });
}

/** confd's getLogSeverityKVPair: debug and info kept, every other severity means none. */
function logLevel(severity: string | undefined): BirdLogLevel | undefined {
  if (severity === undefined) return undefined;
  const l = severity.toLowerCase();
  return l === 'debug' || l === 'info' ? l : 'none';
}
