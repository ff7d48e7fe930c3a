// model: NetworkSet / GlobalNetworkSet (projectcalico.org/v3) into labelled IPv4 CIDR lists; a namespaced set
// gets projectcalico.org/namespace and inherits its namespace's pcns.* labels (calico-semantics.md §1.5).
import type { Cidr } from '../../lib/ipv4.js';
import type { Labels } from '../../scenario/types.js';
import { namespaceProfileLabels, withInherited, sortLabels, LABEL_NAMESPACE } from '../endpoints/calico-labels.js';
import type { NetworkSet } from '../endpoints/types.js';
import { parseNet } from './cidr.js';
import { checkFields, errorCount, readObject, readStrings, type ReadCtx } from './read-json.js';

/** Converts a (Global)NetworkSet; `nsLabels` are the labels of its namespace. undefined when invalid. */
export function convertNetworkSet(ctx: ReadCtx, global: boolean, nsLabels: Labels): NetworkSet | undefined {
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
  const labels =
    namespace === undefined
      ? sortLabels(m.labels)
      : withInherited({ ...m.labels, [LABEL_NAMESPACE]: namespace }, [namespaceProfileLabels(namespace, nsLabels)]);
  return { name: m.name, ...(namespace !== undefined ? { namespace } : {}), labels, nets, src: m.src };
}
