// emit: the operator form of the same Calico install (Tigera operator, operator.tigera.io/v1) — one
// Installation carrying the pools, BGP, MTU and address autodetection, and the APIServer that serves the
// projectcalico.org/v3 resources to kubectl. The operator then renders calico-node, Typha (scaled by its own
// formula) and kube-controllers itself. An alternative to the manifest form: apply one or the other.
import type { IpPoolSpec, JsonObject } from '../../scenario/types.js';
import type { CalicoInstallInput } from './calico-install-input.js';
import { meta, object, type K8sObject } from './k8s.js';

/** The Installation and APIServer resources (both named `default`, as the operator requires). */
export function calicoOperatorInstall(input: CalicoInstallInput): K8sObject[] {
  const calicoNetwork: JsonObject = {
    bgp: 'Enabled',
    ...(input.vethMtu > 0 ? { mtu: input.vethMtu } : {}),
    nodeAddressAutodetectionV4: { cidrs: [input.nodeNetwork] },
    ipPools: input.pools.map(operatorPool),
  };
  return [
    object('operator.tigera.io/v1', 'Installation', meta('default'), { spec: { variant: 'Calico', calicoNetwork } }),
    object('operator.tigera.io/v1', 'APIServer', meta('default'), { spec: {} }),
  ];
}

/** An Installation ipPool: the operator's encapsulation names one of IPIP/VXLAN with CrossSubnet, or None. */
function operatorPool(p: IpPoolSpec): JsonObject {
  return {
    name: p.name,
    cidr: p.cidr,
    blockSize: p.blockSize,
    encapsulation: encapsulationOf(p),
    natOutgoing: p.natOutgoing ? 'Enabled' : 'Disabled',
    nodeSelector: p.nodeSelector,
    ...(p.disableBGPExport ? { disableBGPExport: true } : {}),
    allowedUses: [...p.allowedUses],
  };
}

function encapsulationOf(p: IpPoolSpec): string {
  if (p.ipipMode !== 'Never') return p.ipipMode === 'CrossSubnet' ? 'IPIPCrossSubnet' : 'IPIP';
  if (p.vxlanMode !== 'Never') return p.vxlanMode === 'CrossSubnet' ? 'VXLANCrossSubnet' : 'VXLAN';
  return 'None';
}
