// test helper: runs calisim's reference evaluator over one netpol-analyzer example folder (read with the
// scenario loader) and renders the connectivity list the way netpol-analyzer does.
import { formatIpv4 } from '../../src/lib/ipv4.js';
import type { PodInput, PolicyInput } from '../../src/model/endpoints/types.js';
import { buildPolicyModel } from '../../src/model/policy/build-policy-model.js';
import { connlist, formatConnlist } from '../../src/emit/connlist/connlist.js';
import { evaluateReference } from '../../src/model/policy/eval/evaluate-reference.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { Diagnostic } from '../../src/lib/diagnostics.js';
import { rawOwners } from './raw-owners.js';

/**
 * Addresses for pods the manifests leave without one, from 198.18.0.0/15 (a benchmarking range no example's
 * ipBlock names), so that Calico's address-based ipBlock matching treats them as netpol-analyzer does.
 */
const POD_BASE = ((198 << 24) >>> 0) + (18 << 16);

/** The connectivity list of an example folder, or the error that stopped it. */
export function runExample(
  folder: string,
  options: { ignoreHostNetwork?: boolean } = {},
): { text: string; unknown: number; diagnostics: Diagnostic[] } | { error: string } {
  let scenario;
  try {
    scenario = loadScenario(folder);
  } catch (e) {
    return { error: String(e).slice(0, 300) };
  }
  const t = scenario.tenants[0];
  if (!t) return { error: 'no cluster' };
  const pods: PodInput[] = [];
  let next = POD_BASE + 2;
  const ip = (given: string | undefined): string => given ?? formatIpv4(next++);
  for (const w of t.workloads) {
    pods.push({
      name: `${w.name}-1`,
      namespace: w.namespace,
      labels: w.labels,
      serviceAccount: w.serviceAccount,
      ports: w.ports,
      ip: ip(undefined),
      hostNetwork: w.hostNetwork,
      owner: { kind: w.kind, name: w.name },
      src: w.src,
    });
  }
  const owners = rawOwners(folder);
  for (const p of t.pods) {
    // netpol-analyzer names a pod's workload after any controller owner: kind '' → `[Pod]`.
    const raw = owners.get(`${p.namespace}/${p.name}`);
    const owner = raw ? { kind: raw.kind || 'Pod', name: raw.name } : p.owner;
    pods.push({
      name: p.name,
      namespace: p.namespace,
      labels: p.labels,
      serviceAccount: p.serviceAccount,
      ports: p.ports,
      ip: ip(p.podIP),
      hostNetwork: p.hostNetwork && !options.ignoreHostNetwork,
      ...(owner ? { owner } : {}),
      ...(p.nodeName !== undefined ? { node: p.nodeName } : {}),
      src: p.src,
    });
  }
  // netpol-analyzer treats a namespace it never saw as one with no labels but its name.
  const declared = new Set(t.namespaces.filter((n) => n.declared).map((n) => n.name));
  const namespaces = t.namespaces.map((n) => (declared.has(n.name) ? n : { ...n, declared: true }));
  const input: PolicyInput = { namespaces, pods, services: t.services, manifests: [...t.policies, ...t.ignored] };
  const { model, diagnostics } = buildPolicyModel(input);
  const c = connlist(model, evaluateReference);
  return { text: formatConnlist(c), unknown: c.unknown.length, diagnostics };
}
