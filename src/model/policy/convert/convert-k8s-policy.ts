// model: Kubernetes NetworkPolicy (networking.k8s.io/v1) and Calico StagedKubernetesNetworkPolicy into the
// draft Calico form, as libcalico-go conversion.go K8sNetworkPolicyToCalico: tier default, order 1000.
import type { JsonObject, Manifest } from '../../../scenario/types.js';
import type { DraftPolicy, DraftRule } from './draft.js';
import { convertK8sRule } from './k8s-rules.js';
import { checkFields, errorCount, fail, readArray, readObject, warn, type ReadCtx } from '../fields/read-json.js';
import { readK8sSelector } from '../fields/read-selector.js';
import { readStagedAction } from '../fields/staged-action.js';

/** Order Calico gives every converted NetworkPolicy (conversion.go). */
export const K8S_POLICY_ORDER = 1000;

/**
 * Converts a NetworkPolicy (or, with `staged`, a StagedKubernetesNetworkPolicy); undefined when invalid
 * (the API server would reject it, so it is not modelled; every problem is reported).
 */
export function convertK8sPolicy(ctx: ReadCtx, staged: boolean): DraftPolicy | undefined {
  const m: Manifest = ctx.manifest;
  const before = errorCount(ctx);
  const spec = readObject(ctx, m.body['spec'], 'spec');
  if (!spec) {
    fail(ctx, 'spec', 'required value');
    return undefined;
  }
  const known = ['podSelector', 'ingress', 'egress', 'policyTypes'];
  checkFields(ctx, spec, staged ? [...known, 'stagedAction'] : known, 'spec');
  if (spec['podSelector'] === undefined || spec['podSelector'] === null) {
    // A non-pointer struct in the API: absent or null decodes to the empty selector (every pod).
    warn(ctx, 'spec.podSelector', 'absent or null: treated as {} (selects every pod of the namespace)');
  }
  const selector = readK8sSelector(ctx, spec['podSelector'] ?? {}, 'spec.podSelector', 'pod');
  const ingress = convertRules(ctx, spec, 'ingress');
  const egress = convertRules(ctx, spec, 'egress');
  const types = readPolicyTypes(ctx, spec);
  const stagedAction = staged ? readStagedAction(ctx, spec) : undefined;
  if (errorCount(ctx) > before || selector === undefined || selector === null || !types) return undefined;
  if (!types.egress && egress.length > 0) {
    warn(ctx, 'spec.egress', 'egress rules are ignored: policyTypes does not include Egress');
  }
  return {
    kind: staged ? 'StagedKubernetesNetworkPolicy' : 'KubernetesNetworkPolicy',
    name: m.name,
    namespace: m.namespace ?? 'default',
    tier: 'default',
    order: K8S_POLICY_ORDER,
    selector,
    namespaceSelector: '',
    serviceAccountSelector: '',
    types,
    ingress: types.ingress ? ingress : [],
    egress: types.egress ? egress : [],
    staged,
    ...(stagedAction ? { stagedAction } : {}),
    preDNAT: false,
    doNotTrack: false,
    applyOnForward: false,
    src: m.src,
    sourceKind: `${m.apiVersion}/${m.kind}`,
  };
}

function convertRules(ctx: ReadCtx, spec: JsonObject, dir: 'ingress' | 'egress'): DraftRule[] {
  const out: DraftRule[] = [];
  (readArray(ctx, spec[dir], `spec.${dir}`) ?? []).forEach((r, i) => {
    const rules = convertK8sRule(ctx, r, `spec.${dir}[${i}]`, i, dir === 'ingress');
    if (rules) out.push(...rules);
  });
  return out;
}

/**
 * `policyTypes`, defaulted as the API server does (SetDefaults_NetworkPolicySpec: when empty, Ingress plus
 * Egress if there are egress rules). Calico's own fallback (empty → Ingress only) is therefore never reached
 * for objects that went through the API server.
 */
function readPolicyTypes(ctx: ReadCtx, spec: JsonObject): { ingress: boolean; egress: boolean } | undefined {
  const list = readArray(ctx, spec['policyTypes'], 'spec.policyTypes') ?? [];
  if (list.length === 0) {
    const egressRules = readArray(ctx, spec['egress'], 'spec.egress') ?? [];
    return { ingress: true, egress: egressRules.length > 0 };
  }
  if (list.length > 2) fail(ctx, 'spec.policyTypes', 'may not specify more than two policyTypes');
  let ingress = false;
  let egress = false;
  let ok = list.length <= 2;
  list.forEach((t, i) => {
    if (t === 'Ingress') ingress = true;
    else if (t === 'Egress') egress = true;
    else {
      fail(ctx, `spec.policyTypes[${i}]`, `unsupported value ${JSON.stringify(t)}: supported values: "Egress", "Ingress"`);
      ok = false;
    }
  });
  return ok ? { ingress, egress } : undefined;
}
