// model: the typed, frozen model of a scenario — dense integer ids for clusters, nodes, workloads and
// pods (initial placement), the underlay addressing, load balancers, and the graphology topology graph
// that later stages and the viz read. Dynamic state (IPAM, BGP, health) lives in the engine.
import type { MultiGraph } from 'graphology';
import type { SourceRef } from '../lib/diagnostics.js';
import type { UnderlayPlan } from './underlay/types.js';
import type {
  ClusterSpec,
  ContainerPort,
  Labels,
  LoadBalancerSpec,
  Scenario,
  ServiceSpec,
  WorkloadSpec,
} from '../scenario/types.js';

/** Role of a node: a management host, a tenant VM (on a host, or in a VPC), or a plain node. */
export type NodeRole = 'host' | 'vm' | 'node';

export interface ModelNode {
  readonly id: number;
  /** Qualified name: `tenant/node` for tenant nodes, the bare name for management hosts. */
  readonly name: string;
  /** Name inside its cluster. */
  readonly shortName: string;
  readonly cluster: number;
  readonly role: NodeRole;
  /** Underlay IPv4 as uint32 and text, with the prefix length of its subnet. */
  readonly ip: number;
  readonly ipText: string;
  readonly prefixLen: number;
  /** NIC MTU on the underlay (what Calico auto-detects as the host MTU). */
  readonly mtu: number;
  readonly labels: Labels;
  /** Management host (node id) a tenant VM runs on; -1 otherwise. */
  readonly host: number;
  readonly maxPods: number;
  /** Allocatable CPU in millicores, when stated. */
  readonly cpu?: number;
  readonly src: SourceRef;
}

export interface ModelWorkload {
  readonly id: number;
  readonly cluster: number;
  readonly spec: WorkloadSpec;
}

/** A pod of the initial state. IPs are assigned by the engine's IPAM (or given, for static pods). */
export interface ModelPod {
  readonly id: number;
  readonly name: string;
  readonly namespace: string;
  readonly cluster: number;
  /** Node id, or -1 when no node fits (Pending). */
  readonly node: number;
  /** Workload id, or -1 for a pod given as is. */
  readonly workload: number;
  readonly labels: Labels;
  readonly serviceAccount: string;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** Address given by the input (kubectl dump); undefined = allocate from IPAM. */
  readonly fixedIp?: string;
  readonly owner?: { readonly kind: string; readonly name: string };
  readonly src: SourceRef;
}

export interface ModelCluster {
  readonly id: number;
  readonly name: string;
  readonly kind: 'management' | 'tenant';
  readonly placement: 'onprem' | 'cloud' | 'management';
  readonly spec: ClusterSpec;
  readonly nodes: readonly number[];
  readonly workloads: readonly number[];
  readonly pods: readonly number[];
  readonly services: readonly (ServiceSpec & { readonly clusterIP: string })[];
  /** Where the nodes sit: addresses, NIC MTU, and for flannel the VNI, port and host leases. */
  readonly underlay: UnderlayPlan;
  /** On-premises tenants: the management namespace its VMs run in. */
  readonly managementNamespace?: string;
}

/** The whole model. */
export interface Model {
  readonly scenario: Scenario;
  readonly clusters: readonly ModelCluster[];
  readonly nodes: readonly ModelNode[];
  readonly workloads: readonly ModelWorkload[];
  readonly pods: readonly ModelPod[];
  /** The F5 devices (the engine runs their pools and monitors). */
  readonly loadBalancers: readonly LoadBalancerSpec[];
  /** The MetalLB balancers (kind metallb): emitted as metallb.io resources and checked against Calico's BGP. */
  readonly metalLbs: readonly LoadBalancerSpec[];
  /** Index of the management cluster in `clusters`, or -1 without a platform. */
  readonly management: number;
  readonly graph: MultiGraph;
  readonly nodeByName: ReadonlyMap<string, number>;
  readonly clusterByName: ReadonlyMap<string, number>;
}
