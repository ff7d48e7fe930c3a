// model: a tenant's FlannelSpec into flannel's effective network config — the etcd-mode defaults and
// checks of flannel pkg/subnet/config.go (CheckNetworkConfig) and the VXLAN backend defaults of
// pkg/backend/vxlan (VNI 1, port 0 = kernel default 8472, device flannel.<VNI>, MTU overhead 50).
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import { cidrSize, formatCidr, parseCidr, type Cidr } from '../../lib/ipv4.js';
import type { FlannelSpec } from '../../scenario/types.js';

/** Linux's VXLAN port when flannel's Port is 0 (pre-IANA value; IANA's is 4789). */
export const FLANNEL_DEFAULT_PORT = 8472;
/** encapOverhead of flannel's vxlan_network.go: outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14. */
export const FLANNEL_VXLAN_OVERHEAD = 50;

/** flannel's effective IPv4 config. */
export interface FlannelNetConfig {
  readonly network: Cidr;
  readonly subnetLen: number;
  readonly subnetMin: number;
  readonly subnetMax: number;
  readonly vni: number;
  readonly port: number;
  readonly device: string;
}

/**
 * Defaults and checks: SubnetLen 0 → 24, or prefix + 2 when the Network is longer than /22 (Networks
 * longer than /28 are rejected); an explicit SubnetLen must be ≤ 30 and leave ≥ 4 subnets; SubnetMin is
 * the second subnet (the first is never leased), SubnetMax the last. `path` is e.g. `tenants[0].underlay.flannel`.
 */
export function flannelNetConfig(spec: FlannelSpec, path: string): { config?: FlannelNetConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const err = (field: string, message: string): void => void diagnostics.push(diagnosticAt(spec.src, `${path}.${field}`, message));
  const network = parseCidr(spec.network);
  if (network === undefined) {
    err('network', 'please define a correct Network parameter in the flannel config');
    return { diagnostics };
  }
  if (formatCidr(network) !== spec.network) {
    diagnostics.push(diagnosticAt(spec.src, `${path}.network`, `host bits are ignored: flannel uses ${formatCidr(network)}`, 'warning'));
  }
  let subnetLen = spec.subnetLen;
  if (subnetLen > 0) {
    if (subnetLen > 30) err('subnetLen', 'SubnetLen must be less than /31');
    else if (subnetLen < network.len + 2) err('subnetLen', 'network must be able to accommodate at least four subnets');
  } else if (network.len > 28) {
    err('network', 'network is too small. Minimum useful network prefix is /28');
  } else {
    subnetLen = network.len <= 22 ? 24 : network.len + 2;
  }
  const vni = spec.vni > 0 ? spec.vni : 1;
  if (!Number.isInteger(vni) || vni > 0xffffff) err('vni', 'VNI must be an integer between 1 and 16777215');
  const port = spec.port > 0 ? spec.port : FLANNEL_DEFAULT_PORT;
  if (!Number.isInteger(port) || port > 65535) err('port', 'port must be an integer between 1 and 65535');
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const subnetSize = 2 ** (32 - subnetLen);
  const config: FlannelNetConfig = {
    network,
    subnetLen,
    subnetMin: network.base + subnetSize,
    subnetMax: network.base + cidrSize(network) - subnetSize,
    vni,
    port,
    device: `flannel.${vni}`,
  };
  return { config, diagnostics };
}
