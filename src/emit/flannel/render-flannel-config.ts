// emit: flannel's configuration for a tenant's VXLAN network — the `net-conf.json` of its kube-flannel
// ConfigMap (Network, SubnetLen, Backend type vxlan with VNI and Port; install/flannel-install.ts mounts it) and
// the subnet.env each host's flanneld writes (FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU, FLANNEL_IPMASQ). The scenario's `mtu` is
// the flannel.<VNI> device MTU (uplink MTU − 50 by default), which is what flanneld writes as FLANNEL_MTU.
import type { FlannelSpec } from '../../scenario/types.js';

/** The net-conf.json text for a flannel network. */
export function renderNetConf(f: FlannelSpec): string {
  const conf = { Network: f.network, SubnetLen: f.subnetLen, Backend: { Type: 'vxlan', VNI: f.vni, Port: f.port } };
  return JSON.stringify(conf, null, 2) + '\n';
}

/** /run/flannel/subnet.env of one host. */
export function renderSubnetEnv(f: FlannelSpec, hostSubnet: string): string {
  const [base] = hostSubnet.split('/');
  const octets = (base as string).split('.').map(Number);
  const gw = `${octets[0]}.${octets[1]}.${octets[2]}.${(octets[3] as number) + 1}`;
  return [
    `FLANNEL_NETWORK=${f.network}`,
    `FLANNEL_SUBNET=${gw}/${f.subnetLen}`,
    `FLANNEL_MTU=${f.mtu}`,
    `FLANNEL_IPMASQ=${f.ipMasq}`,
    '',
  ].join('\n');
}
