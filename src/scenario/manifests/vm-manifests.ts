// scenario: a KubeVirt VirtualMachine into the StaticPodSpec of the virt-launcher pod that runs it — the
// endpoint a cluster's network policies see (labels, node, address), as KubeVirt creates it.
import { ipv4 } from '../schema/formats.js';
import { manifestOrigin } from './manifest-record.js';
import type { Ctx } from '../provenance.js';
import { bool, def, labels, obj, oneOf, opt, str, strings, sub } from '../schema/schema.js';
import type { Labels, Manifest, StaticPodSpec } from '../types.js';
import type { PMap } from '../read/positioned.js';
import { validateClean } from '../schema/validate.js';

/** Label of a tenant's management namespace, its VMs and its flannel objects: the tenant's name. */
export const TENANT_LABEL = 'calisim.io/tenant';
/** Label of a tenant VM (and of its virt-launcher pod): the VM's name, which is its tenant node's. */
export const VM_LABEL = 'calisim.io/vm';

/** Annotation (on the VM template) carrying the address calisim's model gave the VM on its tenant network. */
export const VM_ADDRESS_ANNOTATION = 'calisim.io/address';

/**
 * Labels KubeVirt's virt-controller puts on every virt-launcher pod besides the VM template's own
 * (pkg/virt-controller/services/template.go: `kubevirt.io: virt-launcher`, and the VM's name under
 * `vm.kubevirt.io/name` and `kubevirt.io/domain`; `kubevirt.io/created-by` carries a UID, not modelled).
 */
export function launcherLabels(vm: string): Labels {
  return { 'kubevirt.io': 'virt-launcher', 'kubevirt.io/domain': vm, 'vm.kubevirt.io/name': vm };
}

// runStrategy (kubevirt.io/v1 VirtualMachineSpec) and the older boolean `running`: only a VM that runs has a
// virt-launcher pod. `Manual`/`RerunOnFailure` start it too, so only `Halted` (or running: false) has none.
const RUN_STRATEGIES = ['Always', 'RerunOnFailure', 'Manual', 'Halted', 'Once', 'WaitAsReceiver'] as const;
const vmBody = obj(
  {
    spec: sub(
      obj(
        {
          running: opt(bool),
          runStrategy: opt(oneOf(RUN_STRATEGIES)),
          template: sub(
            obj(
              {
                metadata: sub(obj({ labels: def(labels, () => ({})), annotations: def(strings, () => ({})) }, { noSrc: true })),
                spec: sub(obj({ nodeSelector: def(labels, () => ({})), nodeName: opt(str()) }, { noSrc: true })),
              },
              { noSrc: true },
            ),
          ),
        },
        { noSrc: true },
      ),
    ),
  },
  { noSrc: true },
);

interface VmRec {
  spec: {
    running?: boolean;
    runStrategy?: (typeof RUN_STRATEGIES)[number];
    template: { metadata: { labels: Labels; annotations: Record<string, string> }; spec: { nodeSelector: Labels; nodeName?: string } };
  };
}

/**
 * The virt-launcher pod of a running VirtualMachine, or undefined for a halted one (reported) or an invalid one.
 * Its node is the template's `kubernetes.io/hostname` node selector (a pinned VM, as calisim emits them); its
 * address the `calisim.io/address` annotation when present, else left to IPAM.
 */
export function readVirtualMachine(m: Manifest, doc: PMap, path: string, ctx: Ctx): StaticPodSpec | undefined {
  const r = validateClean(vmBody, doc, path, ctx) as VmRec | undefined;
  if (r === undefined) return undefined;
  const halted = r.spec.runStrategy === 'Halted' || (r.spec.runStrategy === undefined && r.spec.running === false);
  const at = (field: string): string => `${path === '' ? '' : `${path}.`}${field}`;
  if (halted) {
    ctx.sink.warn(m.locate('spec'), at('spec'), `VirtualMachine ${m.name} is halted: it has no virt-launcher pod, so no endpoint`);
    return undefined;
  }
  const t = r.spec.template;
  const address = t.metadata.annotations[VM_ADDRESS_ANNOTATION];
  if (address !== undefined && ipv4(address) !== undefined) {
    ctx.sink.warn(m.locate(`spec.template.metadata.annotations`), at(`spec.template.metadata.annotations`), `${VM_ADDRESS_ANNOTATION}: ${address} is not an IPv4 address; the VM's address is left to IPAM`);
  }
  const host = t.spec.nodeName ?? t.spec.nodeSelector['kubernetes.io/hostname'];
  const selector = Object.fromEntries(Object.entries(t.spec.nodeSelector).filter(([k]) => k !== 'kubernetes.io/hostname'));
  const pod: StaticPodSpec = {
    name: m.name,
    namespace: m.namespace ?? 'default',
    labels: { ...t.metadata.labels, ...launcherLabels(m.name) },
    serviceAccount: 'default',
    ports: [],
    ...(host === undefined ? {} : { nodeName: host }),
    ...(Object.keys(selector).length === 0 ? {} : { nodeSelector: selector }),
    ...(address !== undefined && ipv4(address) === undefined ? { podIP: address } : {}),
    hostNetwork: false,
    owner: { kind: 'Pod', name: m.name },
    src: m.src,
  };
  ctx.prov.set(pod, manifestOrigin(m, path, { labels: 'spec.template.metadata.labels', nodeName: 'spec.template.spec.nodeSelector' }));
  return pod;
}
