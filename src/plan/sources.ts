// plan: where each capacity limit comes from — the documents and source files the figures were read from
// (verified with the project's search tool), cited beside every limit in `calisim plan`.

/** A cited source: what it is and where to read it. */
export interface Source {
  readonly title: string;
  readonly url: string;
}

export const SOURCES = {
  k8sLarge: {
    title: 'Kubernetes: Considerations for large clusters (≤110 pods/node, ≤5,000 nodes, ≤150,000 pods)',
    url: 'https://kubernetes.io/docs/setup/best-practices/cluster-large/',
  },
  k8sThresholds: {
    title: 'Kubernetes sig-scalability thresholds (10,000 Services, 5,000 backends per Service, 10 pods per core)',
    url: 'https://github.com/kubernetes/community/blob/master/sig-scalability/configs-and-limits/thresholds.md',
  },
  kubeletMaxPods: {
    title: 'kubelet configuration: maxPods (default 110), podsPerCore (the lower wins)',
    url: 'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
  },
  calicoBgp: {
    title: 'Calico: Configure BGP peering (full mesh fine for "say 100 nodes or less"; route reflectors above)',
    url: 'https://docs.tigera.io/calico/latest/networking/configuring/bgp',
  },
  calicoMeshAt800: {
    title: 'projectcalico/calico#9976: an 800+ node full mesh takes ~4 min to initialise ("too big for a full mesh")',
    url: 'https://github.com/projectcalico/calico/issues/9976',
  },
  calicoTested5k: {
    title: 'kubernetes/kops#6047 (Calico maintainer): Calico is tested to 5,000 nodes with route reflectors',
    url: 'https://github.com/kubernetes/kops/pull/6047',
  },
  typhaOperator: {
    title: 'tigera/operator pkg/common GetExpectedTyphaScale: floor(n/200)+2 (1 for ≤2 nodes, 2 for ≤4, at least 3)',
    url: 'https://github.com/tigera/operator/blob/master/pkg/common/typha.go',
  },
  typhaDocs: {
    title: 'Calico: Install on-premises, >50 nodes: one Typha replica per 200 nodes, no more than 20 replicas',
    url: 'https://docs.tigera.io/calico/latest/getting-started/kubernetes/self-managed-onprem/onpremises',
  },
  calicoIpam: {
    title: 'Calico IPPool blockSize and IPAM: affine blocks per node, borrowing from other nodes\' blocks announced as /32s',
    url: 'https://docs.tigera.io/calico/latest/reference/resources/ippool',
  },
  calicoMaxBlocks: {
    title: 'Calico ipam.go autoAssign: maxBlocksPerHost 0 falls back to 20 affine blocks per host',
    url: 'https://github.com/projectcalico/calico/blob/master/libcalico-go/lib/ipam/ipam.go',
  },
  felixRules: {
    title: 'Felix renders one iptables chain per active policy (rules) and a jump per selected endpoint; no documented cap',
    url: 'https://docs.tigera.io/calico/latest/reference/felix/configuration',
  },
  flannelSubnets: {
    title: 'flannel configuration: SubnetLen (24), SubnetMin = second subnet, SubnetMax = last subnet of Network',
    url: 'https://github.com/flannel-io/flannel/blob/master/Documentation/configuration.md',
  },
  f5Monitors: {
    title: 'F5 BIG-IP monitor defaults (interval 5 s, timeout 16 s); no documented members-per-pool cap',
    url: 'https://clouddocs.f5.com/products/orchestration/ansible/devel/modules/bigip_monitor_http_module.html',
  },
  vaultPki: {
    title: 'Vault PKI considerations: every issued certificate is stored per mount (unless no_store) until tidied; no fixed cap',
    url: 'https://developer.hashicorp.com/vault/docs/secrets/pki/considerations',
  },
  engine: {
    title: 'measured: a run of the scenario on calisim\'s engine',
    url: '',
  },
} as const satisfies Record<string, Source>;
