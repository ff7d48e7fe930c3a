// verdict: the `calisim routes` JSON — every node's routes with all paths (peer, next hop, AS path,
// origin, MED, LOCAL_PREF, best, then communities, ORIGINATOR_ID, CLUSTER_LIST and BIRD preference) and
// the ECMP set its kernel route gets, nodes and prefixes sorted. Later fields were added after the first.
import type { BgpNetwork } from '../../engine/bgp/bgp-network.js';

export interface RoutesJsonPath {
  readonly peer: string;
  readonly nextHop: string;
  readonly asPath: readonly number[];
  readonly origin: 'igp' | 'egp' | 'incomplete';
  readonly med: number | null;
  readonly localPref: number;
  readonly best: boolean;
  readonly communities: readonly string[];
  readonly originatorId: string | null;
  readonly clusterList: readonly string[];
  readonly preference: number;
}

export interface RoutesJson {
  readonly nodes: readonly {
    readonly name: string;
    readonly routes: readonly { readonly prefix: string; readonly paths: readonly RoutesJsonPath[]; readonly ecmp: readonly string[] }[];
  }[];
}

export interface RoutesJsonOptions {
  /** Also list external peers (their RIB: what they hear from the cluster). */
  readonly includeExternal?: boolean;
  /** Only these nodes (names as the network prints them). */
  readonly nodes?: readonly string[];
}

/** Builds the routes document (keys in the documented order; `med` null when absent). */
export function routesJson(net: BgpNetwork, options: RoutesJsonOptions = {}): RoutesJson {
  const names = net.speakers(!options.includeExternal).filter((n) => options.nodes === undefined || options.nodes.includes(n));
  return {
    nodes: names.map((name) => ({
      name,
      routes: net.routes(name).map((r) => ({
        prefix: r.prefix,
        paths: r.paths.map((p) => ({
          peer: p.peer,
          nextHop: p.nextHop,
          asPath: [...p.asPath],
          origin: p.origin,
          med: p.med,
          localPref: p.localPref,
          best: p.best,
          communities: [...p.communities],
          originatorId: p.originatorId,
          clusterList: [...p.clusterList],
          preference: p.preference,
        })),
        ecmp: [...r.ecmp],
      })),
    })),
  };
}
