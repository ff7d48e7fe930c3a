// emit: flannel's configuration for a tenant's VXLAN network — the `net-conf.json` of the kube-flannel
// ConfigMap (Network, SubnetLen, Backend type vxlan with VNI and Port) and the subnet.env each host's
// flanneld writes (FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU, FLANNEL_IPMASQ). The scenario's `mtu` is
// the flannel.<VNI> device MTU (uplink MTU − 50 by default), which is what flanneld writes as FLANNEL_MTU.
import { stringify } from 'yaml';
import type { FlannelSpec } from '../../scenario/types.js';

/** The net-conf.json text for a flannel network. */
export function renderNetConf(f: FlannelSpec): string {
  const conf = { Network: f.network, SubnetLen: f.subnetLen, Backend: { Type: 'vxlan', VNI: f.vni, Port: f.port } };
  return JSON.stringify(conf, null, 2) + '\n';
}

/** The kube-flannel ConfigMap carrying net-conf.json (as in flannel's kube-flannel.yml). */
export function renderFlannelConfigMap(f: FlannelSpec, name: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `kube-flannel-cfg-${name}`, namespace: 'kube-flannel', labels: { app: 'flannel', tier: 'node' } },
    data: { 'cni-conf.json': cniConf(), 'net-conf.json': renderNetConf(f) },
  });
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

function cniConf(): string {
  const conf = {
    name: 'cbr0',
    cniVersion: '0.3.1',
    plugins: [{ type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } }, { type: 'portmap', capabilities: { portMappings: true } }],
  };
  return JSON.stringify(conf, null, 2) + '\n';
}
