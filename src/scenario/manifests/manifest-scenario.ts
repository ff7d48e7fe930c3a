// scenario: plain manifests (files or kubectl-dump folders) into a single-cluster Scenario — one on-premises
// tenant on a plain L3 network, nodes from Node objects or from the pods' node names, Calico defaults.
import { basename, extname, resolve } from 'node:path';
import type { SourceRef } from '../../lib/diagnostics.js';
import { cidrSize, formatCidr, maskOf, parseIpv4 } from '../../lib/ipv4.js';
import { assembleCluster, type ClusterRec } from '../build-cluster.js';
import { calicoSchema } from '../schema/calico-schema.js';
import type { Loader } from '../read/loader.js';
import { normaliseManifests, type ClusterParts } from './normalise-manifests.js';
import type { PMap } from '../read/positioned.js';
import { expectSchema } from '../schema/scenario-schema.js';
import type { RawRef } from '../schema/schema.js';
import type { CalicoSpec, ExpectSpec, NodeSpec, Scenario, TenantSpec } from '../types.js';
import { validate } from '../schema/validate.js';

/** Builds the scenario of manifest documents read from `paths` (already read into `raw`). */
export function buildManifestScenario(paths: readonly string[], raw: readonly RawRef[], loader: Loader): Omit<Scenario, 'warnings'> {
  const first = paths[0] ?? 'manifests';
  // Resolved, so `.` or `..` names the folder they stand for (a cluster named `.` reads badly in every answer).
  const name = first === '-' ? 'stdin' : basename(resolve(first), extname(first)) || 'manifests';
  return manifestScenario(name, `Manifests from ${paths.join(', ')}`, [{ name, at: first, raw }], loader);
}

/** One cluster's manifests: its name, where it was read from and its documents. */
export interface ManifestCluster {
  readonly name: string;
  readonly at: string;
  readonly raw: readonly RawRef[];
}

/** A scenario of several clusters, each from its own manifests (a manifest set's cluster folders). */
export function manifestScenario(name: string, description: string, clusters: readonly ManifestCluster[], loader: Loader): Omit<Scenario, 'warnings'> {
  const at: SourceRef = { file: clusters[0]?.at ?? name, line: 0, col: 0 };
  const empty: PMap = { kind: 'map', entries: [], src: at };
  return {
    name,
    description,
    seed: 1,
    horizon: 600_000,
    tenants: clusters.map((c) => manifestTenant(c, loader)),
    events: [],
    expect: validate(expectSchema, empty, 'expect', loader.ctx) as ExpectSpec,
    sourceFiles: loader.files,
  };
}

function manifestTenant(c: ManifestCluster, loader: Loader): TenantSpec {
  const at: SourceRef = { file: c.at, line: 0, col: 0 };
  const empty: PMap = { kind: 'map', entries: [], src: at };
  const parts = normaliseManifests(c.raw, loader.manifestCtx, loader.ignored);
  const name = c.name;
  const rec: ClusterRec = {
    name,
    nodes: derivedNodes(parts, at),
    underlay: { kind: 'physical', cidr: nodeNetwork(parts.nodes), mtu: 1500, src: at },
    calico: validate(calicoSchema, empty, 'calico', loader.ctx) as CalicoSpec,
    namespaces: [],
    workloads: [],
    pods: [],
    services: [],
    ingresses: [],
    include: [],
    placement: 'onprem',
    src: at,
  };
  return assembleCluster(rec, parts, loader.manifestCtx) as TenantSpec;
}

/** Nodes the Node objects do not already give: each node a pod names (sorted), or `node-1` when nothing names one. */
function derivedNodes(parts: ClusterParts, at: SourceRef): NodeSpec[] {
  const known = new Set(parts.nodes.map((n) => n.name));
  const named = new Map<string, SourceRef>();
  for (const p of parts.pods) if (p.nodeName !== undefined && !known.has(p.nodeName) && !named.has(p.nodeName)) named.set(p.nodeName, p.src);
  const names = [...named.keys()].sort();
  if (names.length === 0 && known.size === 0) return [{ name: 'node-1', labels: {}, maxPods: 110, src: at }];
  return names.map((n) => ({ name: n, labels: {}, maxPods: 110, src: named.get(n) ?? at }));
}

/**
 * The node network: 10.0.0.0/16 when no Node object gives an address, else the smallest network holding
 * every InternalIP (at least a /24, so nodes without an address get one), none of them its network or
 * broadcast address — a kind cluster's 172.18.0.2-4 give 172.18.0.0/24.
 */
export function nodeNetwork(nodes: readonly NodeSpec[]): string {
  const ips = nodes.map((n) => (n.ip === undefined ? -1 : parseIpv4(n.ip))).filter((ip) => ip >= 0);
  if (ips.length === 0) return '10.0.0.0/16';
  let len = 24;
  const fits = (l: number): boolean => {
    const base = (ips[0]! & maskOf(l)) >>> 0;
    const last = base + cidrSize({ base, len: l }) - 1;
    return ips.every((ip) => ((ip & maskOf(l)) >>> 0) === base && ip !== base && ip !== last);
  };
  while (len > 1 && !fits(len)) len--;
  return formatCidr({ base: (ips[0]! & maskOf(len)) >>> 0, len });
}
