// emit: the tenant VMs as the management cluster runs them — KubeVirt VirtualMachines in the tenant's
// management namespace, each pinned to the host the model placed it on and attached (Multus) to its tenant's
// flannel network through a NetworkAttachmentDefinition whose CNI configuration reads that network's subnet
// file. KubeVirt because its virt-launcher pods are what the model's outer wall selects: pods of the tenant's
// namespace carrying the VM template's labels (calisim.io/tenant, calisim.io/vm).
import { TENANT_LABEL } from '../../model/management-additions.js';
import { VM_ADDRESS_ANNOTATION } from '../../scenario/manifests/vm-manifests.js';
import { meta, object, type K8sObject } from './k8s.js';
import { subnetFileOf } from './flannel-install.js';

/** One VM: its name, the host it runs on and the address the model gave it on the tenant's network. */
export interface TenantVm {
  readonly name: string;
  readonly host: string;
  readonly address: string;
}

/** One on-premises tenant's VMs. */
export interface TenantVms {
  readonly tenant: string;
  readonly namespace: string;
  /** MTU of the VMs' NICs: the flannel network's pod MTU (FLANNEL_MTU). */
  readonly mtu: number;
  readonly vms: readonly TenantVm[];
}

/** VM image booted by every tenant VM (a KubeVirt containerDisk). */
export const VM_IMAGE = 'quay.io/containerdisks/ubuntu:24.04';

/** The NetworkAttachmentDefinition of the tenant's network, then one VirtualMachine per VM. */
export function tenantVmObjects(t: TenantVms): K8sObject[] {
  const network = `flannel-${t.tenant}`;
  const cni = {
    cniVersion: '0.3.1',
    name: network,
    type: 'flannel',
    subnetFile: subnetFileOf(t.tenant),
    dataDir: `/var/lib/cni/flannel/${t.tenant}`,
    delegate: { bridge: `br-${t.tenant}`, isDefaultGateway: true, hairpinMode: true, mtu: t.mtu },
  };
  return [
    object('k8s.cni.cncf.io/v1', 'NetworkAttachmentDefinition', meta(network, t.namespace, { [TENANT_LABEL]: t.tenant }), {
      spec: { config: JSON.stringify(cni) },
    }),
    ...t.vms.map((vm) => {
      const labels = { [TENANT_LABEL]: t.tenant, 'calisim.io/vm': vm.name };
      return object('kubevirt.io/v1', 'VirtualMachine', meta(vm.name, t.namespace, labels), {
        spec: {
          runStrategy: 'Always',
          template: {
            metadata: { labels, annotations: { [VM_ADDRESS_ANNOTATION]: vm.address } },
            spec: {
              nodeSelector: { 'kubernetes.io/hostname': vm.host },
              domain: {
                cpu: { cores: 2 },
                memory: { guest: '4Gi' },
                devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }], interfaces: [{ name: 'tenant', bridge: {} }] },
              },
              networks: [{ name: 'tenant', multus: { networkName: network, default: true } }],
              volumes: [{ name: 'rootdisk', containerDisk: { image: VM_IMAGE } }],
            },
          },
        },
      });
    }),
  ];
}
