// model: the per-node BGP facts confd reads from the datastore (`/bgp/v1/host/<node>/…`): address, AS,
// route reflector cluster ID, listen port — from the model's node addresses, Calico Node resources
// (spec.bgp, or the projectcalico.org/* annotations of a Kubernetes Node) and `calico.routeReflectors`.
import type { Diagnostic } from '../../lib/diagnostics.js';
import { diagnosticAt } from '../../lib/diagnostics.js';
import type { ClusterSpec, JsonValue, Labels } from '../../scenario/types.js';
import type { BgpGlobals } from './bgp-globals.js';
import { isIpv4, parseAsNumber } from './bgp-values.js';
import { isObject } from './manifest-fields.js';

/** A node as the model hands it to the BGP derivation. */
export interface BgpNodeInput {
  readonly name: string;
  readonly ip: string;
  readonly prefixLen: number;
  readonly labels: Labels;
}

/** Label the route-reflector recipe puts on reflector nodes (Calico docs, "Configure BGP peering"). */
export const RR_LABEL = 'route-reflector';

export interface NodeBgpState {
  readonly name: string;
  readonly ip: string;
  readonly prefixLen: number;
  /** Node labels, plus `route-reflector: "true"` on nodes named in `calico.routeReflectors`. */
  readonly labels: Labels;
  /** AS set on the node itself (Node spec.bgp.asNumber); undefined = the global AS. */
  readonly explicitAs?: number;
  readonly asNumber: number;
  /** Route reflector cluster ID; '' when the node is not a reflector. */
  readonly clusterId: string;
  /** Port from a `node.<name>` BGPConfiguration, else the global one; 0 = none configured. */
  readonly listenPort: number;
}

/** Builds the per-node state, sorted by node name; problems go to `out`. */
export function readNodeStates(
  cluster: ClusterSpec,
  nodes: readonly BgpNodeInput[],
  globals: BgpGlobals,
  out: Diagnostic[],
): NodeBgpState[] {
  const known = new Set(nodes.map((n) => n.name));
  const asOf = new Map<string, number>();
  const clusterIdOf = new Map<string, string>();
  for (const m of cluster.calico.resources) {
    if (m.kind !== 'Node') continue;
    if (!known.has(m.name)) continue;
    const spec = m.body['spec'];
    const bgp = isObject(spec) ? spec['bgp'] : undefined;
    const fromSpec = (k: string): JsonValue | undefined => (isObject(bgp) ? bgp[k] : undefined);
    const as = fromSpec('asNumber') ?? m.annotations['projectcalico.org/ASNumber'];
    const rr = fromSpec('routeReflectorClusterID') ?? m.annotations['projectcalico.org/RouteReflectorClusterID'];
    if (as !== undefined && as !== null && as !== '') {
      const parsed = parseAsNumber(as);
      if (parsed === undefined) {
        out.push(diagnosticAt(m.locate('spec.bgp.asNumber'), 'spec.bgp.asNumber', `Node ${m.name}: AS number ${String(as)} is out of range 1..4294967295`));
      } else asOf.set(m.name, parsed);
    }
    if (typeof rr === 'string' && rr !== '') {
      if (!isIpv4(rr)) {
        const path = 'spec.bgp.routeReflectorClusterID';
        out.push(diagnosticAt(m.locate(path), path, `Node ${m.name}: route reflector cluster ID ${rr} must be an IPv4 address`));
      } else clusterIdOf.set(m.name, rr);
    }
  }
  const rrNodes = readRouteReflectors(cluster, known, clusterIdOf, out);
  return [...nodes]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((n) => {
      const explicitAs = asOf.get(n.name);
      const labels = rrNodes.has(n.name) ? { ...n.labels, [RR_LABEL]: 'true' } : n.labels;
      return {
        name: n.name,
        ip: n.ip,
        prefixLen: n.prefixLen,
        labels,
        ...(explicitAs !== undefined ? { explicitAs } : {}),
        asNumber: explicitAs ?? globals.asNumber,
        clusterId: clusterIdOf.get(n.name) ?? '',
        listenPort: globals.nodeListenPorts.get(n.name) ?? globals.listenPort,
      };
    });
}

/** Applies `calico.routeReflectors` (cluster ID on each named node); returns the reflector names. */
function readRouteReflectors(
  cluster: ClusterSpec,
  known: ReadonlySet<string>,
  clusterIdOf: Map<string, string>,
  out: Diagnostic[],
): Set<string> {
  const rr = cluster.calico.routeReflectors;
  const names = new Set<string>();
  if (rr === undefined) return names;
  if (rr.clusterId === '') {
    out.push(diagnosticAt(rr.src, 'calico.routeReflectors.clusterId', 'route reflectors need a cluster ID (an IPv4 address such as 244.0.0.1)'));
    return names;
  }
  if (!isIpv4(rr.clusterId)) {
    out.push(diagnosticAt(rr.src, 'calico.routeReflectors.clusterId', `route reflector cluster ID ${rr.clusterId} must be an IPv4 address`));
    return names;
  }
  if (rr.nodes.length === 0) {
    out.push(diagnosticAt(rr.src, 'calico.routeReflectors.nodes', 'no route reflector nodes listed', 'warning'));
  }
  rr.nodes.forEach((name, i) => {
    if (!known.has(name)) {
      out.push(diagnosticAt(rr.src, `calico.routeReflectors.nodes[${i}]`, `unknown node ${name}`));
      return;
    }
    const previous = clusterIdOf.get(name);
    if (previous !== undefined && previous !== rr.clusterId) {
      const msg = `node ${name} has route reflector cluster ID ${previous} in its Node resource; ${rr.clusterId} from calico.routeReflectors is used`;
      out.push(diagnosticAt(rr.src, `calico.routeReflectors.nodes[${i}]`, msg, 'warning'));
    }
    clusterIdOf.set(name, rr.clusterId);
    names.add(name);
  });
  return names;
}
