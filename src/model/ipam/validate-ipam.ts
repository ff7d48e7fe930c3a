// model: checks a cluster's IPPools and IPAMConfig with Calico's rules (CEL rules of api/.../v3/ippool.go,
// validateIPPoolSpec in libcalico-go/lib/validator/v3/validator.go, clientv3/ippool.go, ipam.go) into Diagnostics.
import { diagnosticAt, type Diagnostic, type SourceRef } from '../../lib/diagnostics.js';
import { cidrsOverlap, formatCidr, parseCidr, parseIpv4, type Cidr } from '../../lib/ipv4.js';
import type { IpPoolSpec } from '../../scenario/types.js';
import { parseSelector } from '../../lib/selector/parse.js';
import { SelectorParseError } from '../../lib/selector/types.js';

const LINK_LOCAL: Cidr = { base: 0xa9fe0000, len: 16 };

/**
 * Every problem of `pools` (defaults already applied), located at each pool's `src`; `path` is the field
 * path of the pool list, e.g. `tenants[0].calico.ipPools`. Pools are checked for mutual overlap in list
 * order, as if created one after another (Calico refuses the later of two overlapping pools).
 */
export function validatePools(pools: readonly IpPoolSpec[], path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const parsed: (Cidr | undefined)[] = [];
  const seenNames = new Map<string, number>();
  pools.forEach((pool, i) => {
    const at = (field: string, message: string): void => {
      out.push(diagnosticAt(pool.src, `${path}[${i}]${field ? `.${field}` : ''}`, message));
    };
    const first = seenNames.get(pool.name);
    if (first !== undefined) at('name', `duplicate IPPool name ${pool.name} (also ${path}[${first}])`);
    else seenNames.set(pool.name, i);
    const cidr = checkCidr(pool.cidr, at);
    parsed.push(cidr);
    checkBlockSize(pool, cidr, at);
    checkModes(pool, at);
    checkNodeSelector(pool.nodeSelector, at);
    if (cidr === undefined) return;
    for (let j = 0; j < i; j++) {
      const other = parsed[j];
      const otherPool = pools[j] as IpPoolSpec;
      if (other !== undefined && cidrsOverlap(cidr, other)) {
        at('cidr', `IPPool(${pool.name}) CIDR overlaps with IPPool(${otherPool.name}) CIDR ${otherPool.cidr}`);
      }
    }
  });
  return out;
}

/** ipam.go SetIPAMConfig: a positive maxBlocksPerHost requires strictAffinity. `path` is e.g. `tenants[0].calico`. */
export function validateIpamConfig(config: { readonly strictAffinity: boolean; readonly maxBlocksPerHost: number }, src: SourceRef, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!Number.isInteger(config.maxBlocksPerHost) || config.maxBlocksPerHost < 0) {
    out.push(diagnosticAt(src, `${path}.maxBlocksPerHost`, 'maxBlocksPerHost must be a non-negative integer'));
  } else if (config.maxBlocksPerHost > 0 && !config.strictAffinity) {
    out.push(diagnosticAt(src, `${path}.maxBlocksPerHost`, 'MaxBlocksPerHost requires StrictAffinity to be enabled'));
  }
  return out;
}

type Report = (field: string, message: string) => void;

function checkCidr(text: string, at: Report): Cidr | undefined {
  if (text === '') {
    at('cidr', 'IPPool CIDR must be specified');
    return undefined;
  }
  const cidr = parseCidr(text);
  if (cidr === undefined) {
    at('cidr', text.includes(':') ? 'IPv6 IPPools are not modelled by calisim' : 'IPPool CIDR must be a valid subnet');
    return undefined;
  }
  if (cidr.base !== parseIpv4(text.slice(0, text.indexOf('/')))) {
    at('cidr', `IPPool CIDR must be strictly masked (did you mean ${formatCidr(cidr)}?)`);
  }
  // CEL: neither may the pool's address lie in 169.254.0.0/16 nor the pool contain 169.254.0.0.
  if (cidrsOverlap(cidr, LINK_LOCAL)) at('cidr', 'IPPool CIDR overlaps with IPv4 link local range 169.254.0.0/16');
  return cidr;
}

function checkBlockSize(pool: IpPoolSpec, cidr: Cidr | undefined, at: Report): void {
  if (!Number.isInteger(pool.blockSize) || pool.blockSize < 20 || pool.blockSize > 32) {
    at('blockSize', 'blockSize must be between 20 and 32 for IPv4 pools, and between 116 and 128 for IPv6 pools');
    return;
  }
  if (cidr !== undefined && !pool.disabled && cidr.len > pool.blockSize) {
    at('cidr', 'IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size.');
  }
}

function checkModes(pool: IpPoolSpec, at: Report): void {
  if (pool.ipipMode !== 'Never' && pool.vxlanMode !== 'Never') at('vxlanMode', 'ipipMode and vxlanMode cannot both be enabled');
  const uses = pool.allowedUses;
  if (!uses.includes('LoadBalancer')) return;
  if (pool.ipipMode !== 'Never' || pool.vxlanMode !== 'Never') {
    at('allowedUses', 'LoadBalancer IP pool cannot have IPIP or VXLAN enabled');
  }
  if (uses.includes('Workload') || uses.includes('Tunnel')) {
    at('allowedUses', 'LoadBalancer cannot be combined with Workload or Tunnel allowed uses');
  }
  if (pool.disableBGPExport) at('disableBGPExport', 'LoadBalancer IP pools cannot disable BGP export');
  if (pool.nodeSelector !== 'all()') at('nodeSelector', 'IP Pool with AllowedUse LoadBalancer must have nodeSelector set to all()');
}

function checkNodeSelector(text: string, at: Report): void {
  if (text.includes('global(')) {
    at('nodeSelector', 'global() selector is not valid for IPPool nodeSelector');
    return;
  }
  try {
    parseSelector(text);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    at('nodeSelector', e.message);
  }
}
