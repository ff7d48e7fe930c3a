// model: NetworkSet / GlobalNetworkSet (projectcalico.org/v3) into labelled IPv4 CIDR lists; a namespaced set
// gets projectcalico.org/namespace and inherits its namespace's pcns.* labels (calico-semantics.md §1.5).
import type { Cidr } from '../../../lib/ipv4.js';
import type { SourceRef } from '../../../lib/diagnostics.js';
import type { Labels } from '../../../scenario/types.js';
import { namespaceProfileLabels, withInherited, sortLabels, LABEL_NAMESPACE } from '../../endpoints/calico-labels.js';
import type { NetworkSet } from '../../endpoints/types.js';
import { parseNet } from '../fields/cidr.js';
import { checkFields, errorCount, readObject, readStrings, type ReadCtx } from '../fields/read-json.js';

/** A valid (Global)NetworkSet before it inherits its namespace's labels (which depend on the cluster). */
export interface NetworkSetDraft {
  readonly name: string;
  /** Undefined for a GlobalNetworkSet. */
  readonly namespace?: string;
  readonly ownLabels: Labels;
  readonly nets: readonly Cidr[];
  readonly src: SourceRef;
}

/** Reads a (Global)NetworkSet; undefined when invalid (problems in ctx). */
export function readNetworkSet(ctx: ReadCtx, global: boolean): NetworkSetDraft | undefined {
  const m = ctx.manifest;
  const before = errorCount(ctx);
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, ['nets'], 'spec');
  const nets: Cidr[] = [];
  (readStrings(ctx, spec['nets'], 'spec.nets') ?? []).forEach((text, i) => {
    // validator `cidr` tag: CIDR or bare IP, host bits allowed (masked).
    const n = parseNet(ctx, text, `spec.nets[${i}]`, { strict: false, allowIp: true });
    if (n && 'v4' in n) nets.push(n.v4);
  });
  if (errorCount(ctx) > before) return undefined;
  const namespace = global ? undefined : (m.namespace ?? 'default');
  return { name: m.name, ...(namespace !== undefined ? { namespace } : {}), ownLabels: m.labels, nets, src: m.src };
}

/** The network set with the labels selectors see; `nsLabels` are the labels of its namespace. */
export function labelNetworkSet(s: NetworkSetDraft, nsLabels: Labels): NetworkSet {
  const { namespace } = s;
  const labels =
    namespace === undefined
      ? sortLabels(s.ownLabels)
      : withInherited({ ...s.ownLabels, [LABEL_NAMESPACE]: namespace }, [namespaceProfileLabels(namespace, nsLabels)]);
  return { name: s.name, ...(namespace !== undefined ? { namespace } : {}), labels, nets: s.nets, src: s.src };
}
