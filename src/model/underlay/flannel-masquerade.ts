// model: whether flannel's FLANNEL-POSTRTG nat chain masquerades a packet leaving a management host
// (flannel pkg/trafficmngr/iptables/iptables.go masqRules; only installed with --ip-masq).
import { cidrContains, type Cidr } from '../../lib/ipv4.js';

const MULTICAST: Cidr = { base: 0xe0000000, len: 4 };

/**
 * The chain in order, `network` = flannel's Network, `localSubnet` = this host's lease: kube-proxy-marked
 * packets RETURN; local subnet → network, network → local subnet and non-network → local subnet are not
 * NATed; network → anything but multicast is masqueraded; non-network → network is masqueraded; anything
 * else falls through. The caller checks that flannel runs with ipMasq.
 */
export function flannelMasquerade(srcIp: number, dstIp: number, network: Cidr, localSubnet: Cidr, kubeProxyMarked = false): boolean {
  if (kubeProxyMarked) return false;
  const srcIn = cidrContains(network, srcIp);
  const dstIn = cidrContains(network, dstIp);
  const dstLocal = cidrContains(localSubnet, dstIp);
  if (cidrContains(localSubnet, srcIp) && dstIn) return false;
  if (dstLocal) return false; // rules 3 and 4: network → local and non-network → local
  if (srcIn) return !cidrContains(MULTICAST, dstIp);
  return dstIn;
}
