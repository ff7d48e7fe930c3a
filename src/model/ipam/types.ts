// model: the contract of the IPAM model — its inputs (nodes, IPAMConfig), why an assignment failed, the
// usage report, and the handles calico-node uses for tunnel addresses.
import type { Labels } from '../../scenario/types.js';

/** ipam_block_reader_writer.go EmptyBlockMinReclaimAge: another node's empty block is reclaimable after 1 min. */
export const RECLAIM_AGE_MS = 60_000;
/** ipam.go autoAssign: maxBlocksPerHost 0 falls back to 20 blocks per host. */
export const DEFAULT_BLOCK_LIMIT = 20;

/** A node as IPAM sees it: its hostname (seeds the block walk) and labels (pools' nodeSelector). */
export interface IpamNode {
  readonly name: string;
  readonly labels: Labels;
}

/** Calico's IPAMConfig (ipamconfig.go) as far as assignment depends on it. */
export interface IpamConfig {
  readonly strictAffinity: boolean;
  /** 0 = the built-in cap of 20 blocks per host (ipam.go autoAssign). */
  readonly maxBlocksPerHost: number;
}

/**
 * Why the last `assign` returned -1: no enabled pool selects the node for the use; the node reached its
 * block limit with its blocks full (Calico then fails without borrowing: ErrBlockLimit); no block could
 * be claimed and no address borrowed (or strictAffinity forbade borrowing).
 */
export type AssignFailure = 'none' | 'no-pool' | 'block-limit' | 'exhausted';

export type TunnelKind = 'ipip' | 'vxlan';

/** Usage of one pool. */
export interface IpamPoolUsage {
  readonly name: string;
  readonly cidr: string;
  readonly blockSize: number;
  readonly capacity: number;
  readonly blocks: number;
  readonly used: number;
  readonly free: number;
  /** Every address of the pool is allocated. */
  readonly exhausted: boolean;
}

/** Usage of one node. */
export interface IpamNodeUsage {
  readonly name: string;
  /** Affine blocks, in address order. */
  readonly blocks: readonly string[];
  /** Addresses this node asked for and holds (own blocks and borrowed, tunnel addresses included). */
  readonly used: number;
  /** Free addresses in its affine blocks. */
  readonly free: number;
  readonly borrowed: number;
  /** A workload assignment on this node would fail now. */
  readonly exhausted: boolean;
}

export interface IpamReport {
  /** Pools by name. */
  readonly pools: readonly IpamPoolUsage[];
  /** Nodes in input order. */
  readonly nodes: readonly IpamNodeUsage[];
}

/** The numeric handle IpamState stores for a node's tunnel address (workload handles are ≥ 0). */
export function tunnelHandle(kind: TunnelKind, node: number): number {
  return kind === 'ipip' ? -2 - 2 * node : -3 - 2 * node;
}

