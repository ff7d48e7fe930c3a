// model: AdminNetworkPolicy / BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) into draft
// GlobalNetworkPolicies of tier kube-admin (order = priority) / kube-baseline (order 1000), mapped as Calico
// v3.32 maps their successor ClusterNetworkPolicy (conversion/clusternetworkpolicy.go).
import type { JsonObject, JsonValue } from '../../../scenario/types.js';
import type { DraftPolicy, DraftRule } from './draft.js';
import { bareRule } from './draft.js';
import { admPeerEntity, readAdmPorts } from './admin-peers.js';
import { checkFields, errorCount, fail, lazyOrigin, readArray, readInt, readObject, readString, warn, type ReadCtx } from '../fields/read-json.js';
import { absentK8sSelector, readK8sSelector } from '../fields/read-selector.js';
import type { RuleAction } from '../types.js';

/** Order of the (single) BaselineAdminNetworkPolicy inside kube-baseline. */
export const BANP_ORDER = 1000;

/** Converts an ANP (`baseline` false) or the BANP; undefined when invalid. */
export function convertAdminPolicy(ctx: ReadCtx, baseline: boolean): DraftPolicy | undefined {
  const m = ctx.manifest;
  const before = errorCount(ctx);
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, baseline ? ['subject', 'ingress', 'egress'] : ['priority', 'subject', 'ingress', 'egress'], 'spec');
  let order = BANP_ORDER;
  if (baseline) {
    if (m.name !== 'default') fail(ctx, 'metadata.name', 'Only one baseline admin network policy with metadata.name="default" can be created in the cluster');
  } else {
    const priority = readInt(ctx, spec['priority'], 'spec.priority');
    if (priority === undefined) fail(ctx, 'spec.priority', 'required value');
    else if (priority < 0 || priority > 1000) fail(ctx, 'spec.priority', 'must be between 0 and 1000');
    order = priority ?? 0;
  }
  const subject = readSubject(ctx, spec['subject']);
  const actions: readonly RuleAction[] = baseline ? ['Allow', 'Deny'] : ['Allow', 'Deny', 'Pass'];
  const ingress = convertRules(ctx, spec, 'ingress', actions);
  const egress = convertRules(ctx, spec, 'egress', actions);
  if (errorCount(ctx) > before || !subject) return undefined;
  return {
    kind: baseline ? 'BaselineAdminNetworkPolicy' : 'AdminNetworkPolicy',
    name: m.name,
    tier: baseline ? 'kube-baseline' : 'kube-admin',
    order,
    selector: subject.selector,
    namespaceSelector: subject.namespaceSelector,
    serviceAccountSelector: '',
    // clusterNetPolicyTypes: the tiers default to Pass, so only directions with rules are governed.
    types: { ingress: ingress.length > 0, egress: egress.length > 0 },
    ingress,
    egress,
    staged: false,
    preDNAT: false,
    doNotTrack: false,
    applyOnForward: false,
    src: m.src,
    sourceKind: `${m.apiVersion}/${m.kind}`,
  };
}

/** `spec.subject`: exactly one of `namespaces` or `pods {namespaceSelector, podSelector}`. */
function readSubject(ctx: ReadCtx, v: JsonValue | undefined): { selector: string; namespaceSelector: string } | undefined {
  const obj = readObject(ctx, v, 'spec.subject');
  if (!obj) {
    fail(ctx, 'spec.subject', 'required value');
    return undefined;
  }
  checkFields(ctx, obj, ['namespaces', 'pods'], 'spec.subject');
  const hasNs = obj['namespaces'] != null;
  const hasPods = obj['pods'] != null;
  if (hasNs === hasPods) {
    fail(ctx, 'spec.subject', 'exactly one of namespaces or pods must be set');
    return undefined;
  }
  if (hasNs) {
    const ns = readK8sSelector(ctx, obj['namespaces'], 'spec.subject.namespaces', 'namespace');
    if (ns === undefined || ns === null) return undefined;
    return { selector: absentK8sSelector('pod'), namespaceSelector: ns };
  }
  const pods = readObject(ctx, obj['pods'], 'spec.subject.pods');
  if (!pods) return undefined;
  checkFields(ctx, pods, ['namespaceSelector', 'podSelector'], 'spec.subject.pods');
  const ns = readK8sSelector(ctx, pods['namespaceSelector'] ?? {}, 'spec.subject.pods.namespaceSelector', 'namespace');
  const pod = readK8sSelector(ctx, pods['podSelector'] ?? {}, 'spec.subject.pods.podSelector', 'pod');
  if (ns === undefined || ns === null || pod === undefined || pod === null) return undefined;
  return { selector: pod, namespaceSelector: ns };
}

function convertRules(ctx: ReadCtx, spec: JsonObject, dir: 'ingress' | 'egress', actions: readonly RuleAction[]): DraftRule[] {
  const out: DraftRule[] = [];
  const list = readArray(ctx, spec[dir], `spec.${dir}`) ?? [];
  if (list.length > 100) fail(ctx, `spec.${dir}`, 'must have at most 100 rules');
  list.forEach((r, i) => {
    const path = `spec.${dir}[${i}]`;
    const obj = readObject(ctx, r, path);
    if (!obj) return;
    const peerField = dir === 'ingress' ? 'from' : 'to';
    checkFields(ctx, obj, ['name', 'action', peerField, 'ports'], path);
    const name = readString(ctx, obj['name'], `${path}.name`);
    if (name !== undefined && name.length > 100) fail(ctx, `${path}.name`, 'must be at most 100 characters');
    const action = actions.find((a) => a === obj['action']);
    if (!action) fail(ctx, `${path}.action`, `unsupported value ${JSON.stringify(obj['action'])}: supported values: ${actions.join(', ')}`);
    const named = { k8sRuleIndex: i, ...(name ? { ruleName: name } : {}) };
    const origin = lazyOrigin(ctx, path, named);
    const ports = readAdmPorts(ctx, obj['ports'], `${path}.ports`);
    const peers = readArray(ctx, obj[peerField], `${path}.${peerField}`) ?? [];
    if (peers.length === 0) fail(ctx, `${path}.${peerField}`, 'must have at least 1 peer');
    const entities = peers.map((p, j) => admPeerEntity(ctx, p, `${path}.${peerField}[${j}]`, dir === 'egress'));
    if (!action || !ports) return;
    if (ports.hasNamed && entities.some((e) => e === 'unsupported' || e?.networks)) {
      fail(ctx, `${path}.ports`, 'networks/nodes peer cannot be set with namedPorts since there are no namedPorts for networks/nodes');
      return;
    }
    if (entities.some((e) => e === 'unsupported')) {
      // clusternetworkpolicy.go: a rule Calico cannot convert fails closed — Deny/Pass become one deny-all
      // rule, an Allow rule is dropped.
      const failClosed = action === 'Allow' ? 'dropped' : 'replaced by a Deny-all rule';
      warn(ctx, path, `Calico does not support the nodes peer: the whole rule is ${failClosed} (fail closed)`);
      if (action !== 'Allow') out.push(bareRule('Deny', origin));
      return;
    }
    for (const proto of ports.protocols) {
      entities.forEach((e, j) => {
        if (e === undefined || e === 'unsupported') return;
        const portPart = proto.ports ? { ports: proto.ports } : {};
        out.push({
          action,
          ...(proto.protocol !== undefined ? { protocol: proto.protocol } : {}),
          source: dir === 'ingress' ? e.entity : {},
          destination: dir === 'ingress' ? portPart : { ...portPart, ...e.entity },
          ipv4: !e.v6,
          origin: lazyOrigin(ctx, path, { ...named, k8sPeerIndex: j }),
        });
      });
    }
  });
  return out;
}
