// test helper: the small shared vocabulary of the policy arbitraries — few keys, values, namespaces,
// addresses, CIDRs and ports, so that random selectors, rules and endpoints actually meet.

export const LABEL_KEYS = ['app', 'tier', 'env'] as const;
export const LABEL_VALUES = ['a', 'b', 'c'] as const;
export const NAMESPACE_NAMES = ['ns0', 'ns1', 'ns2', 'ns3'] as const;
export const NAMESPACE_LABEL_KEYS = ['team', 'stage'] as const;
export const SERVICE_ACCOUNTS = ['default', 'sa1', 'sa2'] as const;
/** Namespace choices weighted towards ns0/ns1, so that policies and pods meet. */
export const NAMESPACE_CHOICES = ['ns0', 'ns0', 'ns0', 'ns1', 'ns1', 'ns2', 'ns3'] as const;
export const TIER_NAMES = ['t1', 't2', 't3'] as const;

/** Pod addresses: a few inside 10.0.0.0/28, a few beyond, some shared with HostEndpoints. */
export const POD_IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.5', '10.0.0.9', '10.0.0.12', '10.0.1.7', '10.0.1.8', '10.0.2.1', '10.0.2.2', '10.0.2.3', '10.0.2.4'] as const;
/** Node / HostEndpoint addresses. */
export const NODE_IPS = ['192.168.0.1', '192.168.0.2', '10.0.0.5'] as const;
/** Outside addresses probed besides each class's representatives. */
export const PROBE_IPS = ['10.0.0.4', '10.0.0.8', '10.0.1.200', '10.9.9.9', '192.168.0.1', '192.168.5.5', '8.8.8.8', '172.16.0.1', '10.96.0.1', '10.96.0.2'] as const;
export const CIDRS = ['10.0.0.0/8', '10.0.0.0/24', '10.0.0.0/28', '10.0.0.8/29', '10.0.1.0/24', '192.168.0.0/16', '0.0.0.0/0', '10.0.0.5/32', '8.8.0.0/16', 'fd00::/8'] as const;
/** ipBlock except entries (each a strict subset of some CIDR above). */
export const EXCEPTS = ['10.0.0.0/28', '10.0.0.8/29', '10.0.1.0/25', '10.0.0.5/32'] as const;
export const PORT_NAMES = ['http', 'dns', 'metrics'] as const;
export const NUMERIC_PORTS = [22, 53, 80, 443, 8080, 9090] as const;
export const PORT_RANGES = ['80:90', '1000:2000', '8000:9000', '50:60'] as const;
export const SERVICE_IPS = ['10.96.0.1', '10.96.0.2'] as const;
