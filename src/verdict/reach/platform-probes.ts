// verdict: probes over a whole platform — each `tenant/namespace/pod` (or unambiguous `namespace/pod`)
// goes to its cluster's policy model; a probe between two clusters is judged on both sides (the source
// pod's egress towards the destination address, the destination pod's ingress from the address the
// packet carries when it arrives, by the one rule of src/model/edge/source-address.ts: Calico natOutgoing
// at the source node, then flannel's ipMasq where it leaves a tenant's flannel network).
import { type Diagnostic, diagnosticAt } from '../../lib/diagnostics.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import { arrivingSource, sourceChanges } from '../../model/edge/source-address.js';
import type { Model } from '../../model/types.js';
import type { PolicyModel } from '../../model/policy/types.js';
import type { IpPoolSpec } from '../../scenario/types.js';
import { fastEvaluate } from '../state/fast-evaluate.js';
import { endpointNamed } from '../policy/endpoint-index.js';
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import { resolveProbes, type ProbeResult } from '../policy/probes.js';
import type { Packet, Verdict } from '../../model/policy/eval/types.js';

/** One cluster's policy model with its pools. */
export interface ClusterPolicies {
  readonly name: string;
  readonly model: PolicyModel;
  readonly pools: readonly IpPoolSpec[];
}

export type Evaluate = (m: PolicyModel, p: Packet) => Verdict;

/**
 * Judges a probe to a Service address past kube-proxy (undefined: not one): from an outside address, or from
 * `from`, a pod of the cluster `from.cluster` (`rest` its `namespace/name`), already judged by that cluster's
 * policy model.
 */
export type ServiceEntry = (probe: ProbeResult, from?: Located) => ProbeResult | undefined;

export interface Located {
  readonly cluster: number;
  readonly rest: string;
}

/** Resolves and evaluates probes in input order; problems are reported as `[i].field` diagnostics. */
export function platformProbes(
  clusters: readonly ClusterPolicies[],
  probes: unknown,
  file: string,
  platform: Model,
  evaluate: Evaluate = fastEvaluate,
  entry?: ServiceEntry,
): { results: ProbeResult[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!Array.isArray(probes)) return { results: [], diagnostics: [diagnosticAt(undefined, '', 'probes must be a JSON array', 'error', file)] };
  const results: (ProbeResult | undefined)[] = [];
  probes.forEach((p: unknown, i) => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) {
      diagnostics.push(diagnosticAt(undefined, `[${i}]`, 'must be an object', 'error', file));
      return;
    }
    const o = p as Record<string, unknown>;
    const errs: Diagnostic[] = [];
    const from = locate(clusters, o['from'], `[${i}].from`, file, errs);
    const to = locate(clusters, o['to'], `[${i}].to`, file, errs);
    if (errs.length) {
      diagnostics.push(...errs);
      return;
    }
    const home = from?.cluster ?? to?.cluster ?? 0;
    const cross = from !== undefined && to !== undefined && from.cluster !== to.cluster;
    const rewrite = (x: Located | undefined, v: unknown): unknown => (x ? x.rest : v);
    const one = (cluster: number, probe: Record<string, unknown>): ProbeResult | undefined => {
      const r = resolveProbes(clusters[cluster]!.model, [probe], evaluate, file);
      diagnostics.push(...r.diagnostics.map((d) => ({ ...d, path: d.path.replace(/^\[0\]/, `[${i}]`) })));
      return r.results[0];
    };
    if (!cross) {
      const r = one(home, { ...o, from: rewrite(from, o['from']), to: rewrite(to, o['to']) });
      const probe = r ? { ...r, from: o['from'] as string, to: o['to'] as string } : undefined;
      if (probe) results[i] = (to === undefined ? entry?.(probe, from) : undefined) ?? probe;
      return;
    }
    // Across clusters: egress in the source cluster towards the destination pod's IP; ingress in the
    // destination cluster from the address the packet arrives with.
    const dstIp = podIp(clusters[to!.cluster]!.model, to!.rest);
    const srcIp = podIp(clusters[from!.cluster]!.model, from!.rest);
    if (dstIp === undefined || srcIp === undefined) {
      diagnostics.push(diagnosticAt(undefined, `[${i}]`, 'a cross-cluster probe needs pods with IP addresses on both ends', 'error', file));
      return;
    }
    const arriving = arrivingAddress(platform, from!.cluster, clusters[from!.cluster]!.model, from!.rest, srcIp, dstIp);
    const eg = one(from!.cluster, { ...o, from: from!.rest, to: formatIpv4(dstIp) });
    const ing = one(to!.cluster, { ...o, from: formatIpv4(arriving), to: to!.rest });
    if (!eg || !ing) return;
    const verdict = eg.egress.action === 'deny' || ing.ingress.action === 'deny' ? 'deny' : eg.egress.action === 'unknown' || ing.ingress.action === 'unknown' ? 'unknown' : 'allow';
    results[i] = { from: o['from'] as string, to: o['to'] as string, protocol: eg.protocol, port: eg.port, verdict, egress: eg.egress, ingress: ing.ingress };
  });
  return { results: diagnostics.length ? [] : (results.filter((r) => r !== undefined) as ProbeResult[]), diagnostics };
}

function locate(clusters: readonly ClusterPolicies[], v: unknown, path: string, file: string, errs: Diagnostic[]): Located | undefined {
  if (typeof v !== 'string' || !v.includes('/')) return undefined;
  const parts = v.split('/');
  if (parts.length === 3) {
    const c = clusters.findIndex((x) => x.name === parts[0]);
    if (c < 0) errs.push(diagnosticAt(undefined, path, `no cluster named "${parts[0]}" (clusters: ${clusters.map((x) => x.name).join(', ')})`, 'error', file));
    return c < 0 ? undefined : { cluster: c, rest: `${parts[1]}/${parts[2]}` };
  }
  if (parts.length !== 2) return undefined;
  const hits = clusters.map((c, i) => (endpointNamed(c.model, parts[0]!, parts[1]!) ? i : -1)).filter((i) => i >= 0);
  if (hits.length > 1)
    errs.push(diagnosticAt(undefined, path, `"${v}" exists in several clusters (${hits.map((h) => clusters[h]!.name).join(', ')}): write tenant/namespace/pod`, 'error', file));
  return hits.length === 1 ? { cluster: hits[0]!, rest: v } : undefined;
}

/** The pod `namespace/name` of `model` (`ref` as written after the tenant). */
function podNamed(model: PolicyModel, ref: string): WorkloadEndpoint | undefined {
  const slash = ref.indexOf('/');
  return slash < 0 ? undefined : endpointNamed(model, ref.slice(0, slash), ref.slice(slash + 1));
}

function podIp(model: PolicyModel, ref: string): number | undefined {
  return podNamed(model, ref)?.ip;
}

/** The address a pod's packet to `dstIp` arrives with (src/model/edge/source-address.ts). */
function arrivingAddress(platform: Model, cluster: number, model: PolicyModel, ref: string, srcIp: number, dstIp: number): number {
  const short = podNamed(model, ref)?.node;
  const node = platform.clusters[cluster]!.nodes.find((id) => platform.nodes[id]!.shortName === short) ?? -1;
  return arrivingSource(srcIp, sourceChanges(platform, { ip: srcIp, node, cluster, pod: true }, dstIp));
}
