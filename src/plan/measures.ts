// plan: the contract of a measured platform — what a run of a scenario shows about each cluster (nodes,
// pods per node, Services, BGP sessions and routes per node, IPAM blocks, flannel leases, Felix rules,
// the policy matrix) and about the platform (tenants, hosts, load balancers, certificates, convergence).

/** One IP pool as IPAM left it. */
export interface PoolMeasure {
  readonly name: string;
  readonly prefixLen: number;
  readonly blockSize: number;
  /** Blocks claimed, and blocks the pool holds. */
  readonly blocks: number;
  readonly capacityBlocks: number;
  /** Addresses allocated, and addresses the pool holds. */
  readonly used: number;
  readonly capacity: number;
}

export interface ClusterMeasure {
  readonly name: string;
  readonly kind: 'management' | 'tenant';
  readonly nodes: number;
  readonly podsRunning: number;
  readonly podsPending: number;
  /** Running pods on the busiest node, and the lowest kubelet maxPods of the cluster's nodes. */
  readonly maxPodsOnNode: number;
  readonly nodeMaxPods: number;
  readonly services: number;
  readonly maxEndpointsPerService: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly maxPoliciesPerNamespace: number;
  readonly bgp: {
    readonly mode: 'mesh' | 'reflectors' | 'none';
    readonly reflectors: number;
    readonly maxSessionsPerNode: number;
    /** Sessions of the median node (nearest rank): a reflector's client, where the busiest is a reflector. */
    readonly medianSessionsPerNode: number;
    readonly maxRoutesPerNode: number;
  };
  readonly pools: readonly PoolMeasure[];
  readonly maxBlocksOnNode: number;
  /** maxBlocksPerHost in force (0 in the spec = Calico's 20). */
  readonly blockLimit: number;
  readonly borrowed: number;
  readonly flannel?: { readonly networkLen: number; readonly subnetLen: number; readonly leases: number; readonly maxVmsOnHost: number };
  /** Rules Felix renders for the cluster's policies (IPv4 ingress + egress), and identity classes of the matrix. */
  readonly felixRules: number;
  readonly matrixClasses: number;
  /** Certificates issued by the cluster's CA (one Vault PKI mount) over the run. */
  readonly certificatesIssued: number;
}

export interface PlatformMeasure {
  readonly tenants: number;
  readonly hosts: number;
  /** Tenant VMs on the busiest management host (all tenants), and that host's kubelet maxPods. */
  readonly maxVmsOnHost: number;
  readonly hostMaxPods: number;
  readonly clusters: readonly ClusterMeasure[];
  readonly loadBalancers: { readonly maxMembersPerPool: number; readonly probesPerSecond: number };
  /** Convergence of every change (ms; null when it never settled), in timeline order. */
  readonly convergence: readonly { readonly label: string; readonly at: number; readonly convergenceMs: number | null }[];
  readonly blackholeWindows: number;
  readonly blackholeMs: number;
}
