// plan: the closed-form arithmetic behind the limits — BGP session counts, the operator's Typha replica
// count, IPAM blocks and pool capacity, flannel subnets — each a small pure function with a known answer.

/** Full-mesh iBGP sessions among n speakers: n(n−1)/2 (RFC 4271 §9.2: internal routes are not re-advertised). */
export function meshSessions(n: number): number {
  return n < 2 ? 0 : (n * (n - 1)) / 2;
}

/** Sessions with r meshed route reflectors and c clients each peering with every reflector: r(r−1)/2 + c·r. */
export function reflectorSessions(reflectors: number, clients: number): number {
  return meshSessions(reflectors) + clients * reflectors;
}

/**
 * Typha replicas the Tigera operator deploys for n nodes (pkg/common GetExpectedTyphaScale): one per 200
 * nodes plus one for availability; 1 for ≤2 nodes, 2 for ≤4, at least 3 otherwise. No upper cap in code.
 */
export function typhaReplicas(nodes: number): number {
  if (nodes <= 2) return 1;
  if (nodes <= 4) return 2;
  return Math.max(3, Math.floor(nodes / 200) + 2);
}

/** Largest node count whose operator Typha count stays within `cap` replicas (3,799 for the documented 20). */
export function typhaNodesWithin(cap: number): number {
  return (cap - 1) * 200 - 1;
}

/** Addresses in one IPAM block of prefix length `blockSize`. */
export function blockAddresses(blockSize: number): number {
  return 2 ** (32 - blockSize);
}

/** Blocks a node needs for `addresses` addresses (pods plus its tunnel address) at `blockSize`. */
export function blocksPerNode(addresses: number, blockSize: number): number {
  return Math.ceil(addresses / blockAddresses(blockSize));
}

/** Blocks a pool of prefix length `poolLen` holds at `blockSize`. */
export function poolBlocks(poolLen: number, blockSize: number): number {
  return 2 ** (blockSize - poolLen);
}

/**
 * Nodes a pool serves with affine blocks before borrowing starts: once every block is claimed, a node whose
 * blocks are full takes single addresses from other nodes' blocks, and each is announced as a /32 route.
 */
export function nodesBeforeBorrowing(poolLen: number, blockSize: number, addressesPerNode: number): number {
  return Math.floor(poolBlocks(poolLen, blockSize) / blocksPerNode(addressesPerNode, blockSize));
}

/** Subnet leases flannel can hand out in a Network: SubnetMin is the second subnet and SubnetMax the last. */
export function flannelSubnets(networkLen: number, subnetLen: number): number {
  return 2 ** (subnetLen - networkLen) - 1;
}

/** VM addresses in one flannel lease: all but the subnet's .0 (VTEP), .1 (bridge) and broadcast. */
export function flannelVmsPerLease(subnetLen: number): number {
  return 2 ** (32 - subnetLen) - 3;
}
