// verdict: Calico's staged policies as if they were enforced — a StagedNetworkPolicy,
// StagedGlobalNetworkPolicy or StagedKubernetesNetworkPolicy with stagedAction Set (the default)
// becomes the policy it stages (replacing one of the same name); with Delete it removes that policy;
// Learn and Ignore change nothing (projectcalico.org/v3 staged*_types.go).
import type { JsonObject, Manifest } from '../../scenario/types.js';

const ENFORCED: Readonly<Record<string, { kind: string; apiVersion: string }>> = {
  StagedNetworkPolicy: { kind: 'NetworkPolicy', apiVersion: 'projectcalico.org/v3' },
  StagedGlobalNetworkPolicy: { kind: 'GlobalNetworkPolicy', apiVersion: 'projectcalico.org/v3' },
  StagedKubernetesNetworkPolicy: { kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1' },
};

/** The manifests with every staged policy applied as its enforced counterpart; `changed` is false when there is none. */
export function enforceStaged(manifests: readonly Manifest[]): { manifests: Manifest[]; changed: boolean } {
  let out = manifests.filter((m) => ENFORCED[m.kind] === undefined);
  let changed = false;
  for (const m of manifests) {
    const target = ENFORCED[m.kind];
    if (!target) continue;
    const spec = (m.body['spec'] ?? {}) as JsonObject;
    const action = typeof spec['stagedAction'] === 'string' ? spec['stagedAction'] : 'Set';
    if (action !== 'Set' && action !== 'Delete') continue;
    const same = (x: Manifest): boolean => x.kind === target.kind && x.apiVersion === target.apiVersion && x.name === m.name && x.namespace === m.namespace;
    out = out.filter((x) => !same(x));
    changed = true;
    if (action === 'Delete') continue;
    const enforcedSpec: JsonObject = Object.fromEntries(Object.entries(spec).filter(([k]) => k !== 'stagedAction'));
    out.push({ ...m, kind: target.kind, apiVersion: target.apiVersion, body: { ...m.body, kind: target.kind, apiVersion: target.apiVersion, spec: enforcedSpec } });
  }
  return { manifests: out, changed };
}
