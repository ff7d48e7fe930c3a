// model: the contract of the underlay model — which address, subnet and NIC MTU every node of a cluster
// gets on its network (flannel VXLAN across the management hosts, a VPC, or plain L3), and for flannel
// the per-host leases, device and port. Addresses are unsigned 32-bit numbers.
import type { Cidr } from '../../lib/ipv4.js';

/** A management host as the tenant underlays see it: its address on the physical network and its NIC MTU. */
export interface UnderlayHost {
  readonly name: string;
  readonly ip: number;
  readonly mtu: number;
}

/** One node's interface on its underlay. */
export interface UnderlayNode {
  readonly name: string;
  readonly ip: number;
  /** Prefix length of the node's interface address: Calico's CrossSubnet compares against it. */
  readonly prefixLen: number;
  /** NIC MTU (what Calico auto-detects as the host MTU). */
  readonly mtu: number;
  /** Index of the management host the VM runs on (flannel underlays), else -1. */
  readonly host: number;
}

/** A flannel subnet lease of one management host. */
export interface FlannelLease {
  readonly host: number;
  readonly hostName: string;
  /** The host's public (physical) address: the outer VXLAN endpoint. */
  readonly hostIp: number;
  readonly subnet: Cidr;
  /** Address of flannel.<VNI> on the host: the subnet's .0 (as a /32). */
  readonly vtepIp: number;
  /** The bridge (gateway) address: the subnet's .1. */
  readonly gateway: number;
}

/** A tenant's flannel VXLAN network across the management hosts (flannel etcd-mode semantics). */
export interface FlannelPlan {
  readonly vni: number;
  /** VXLAN UDP port: 8472, the Linux kernel default, unless configured. */
  readonly port: number;
  /** `flannel.<VNI>`. */
  readonly device: string;
  readonly network: Cidr;
  readonly subnetLen: number;
  readonly subnetMin: number;
  readonly subnetMax: number;
  /** flannel's backend `MTU` option: the uplink MTU the VXLAN packets need (podMtu + 50). */
  readonly uplinkMtu: number;
  /** MTU of flannel.<VNI> (the uplink MTU − 50, flannel's device.go). */
  readonly deviceMtu: number;
  /** FLANNEL_MTU (vxlan_network.go MTU(): uplink − 50): the NIC MTU of the tenant VMs on the network. */
  readonly podMtu: number;
  readonly ipMasq: boolean;
  /** One lease per management host, in host order. */
  readonly leases: readonly FlannelLease[];
}

/** Where a cluster's nodes sit. */
export interface UnderlayPlan {
  readonly kind: 'flannel' | 'vpc' | 'physical';
  /** The network of node addresses: flannel Network, VPC CIDR or physical CIDR. */
  readonly network: Cidr;
  /** NIC MTU of the nodes. */
  readonly mtu: number;
  /** In the cluster's node order. */
  readonly nodes: readonly UnderlayNode[];
  readonly flannel?: FlannelPlan;
}
