// plan: the limits outside Kubernetes and Calico — flannel's subnet leases per Network and VM addresses per
// lease, the load balancers' pool members and monitor probes, and certificates per Vault PKI mount.
import { flannelSubnets, flannelVmsPerLease } from './formulas.js';
import { grow, type LimitContext, type LimitDef } from './limit-def.js';
import { SOURCES } from './sources.js';

/** flannel, load-balancer and PKI limits. */
export function platformLimits(ctx: LimitContext): LimitDef[] {
  const { tenant: t, platform: p } = ctx;
  const out: LimitDef[] = [];
  const f = t.flannel;
  if (f !== undefined) {
    const subnets = flannelSubnets(f.networkLen, f.subnetLen);
    out.push(
      {
        id: 'flannel-subnets',
        group: 'flannel',
        name: `flannel subnet leases of a /${f.networkLen} Network in /${f.subnetLen}s (one per management host)`,
        unit: 'leases',
        value: subnets,
        at: t.name,
        measured: true,
        source: SOURCES.flannelSubnets,
        use: () => f.leases,
        note: `tenants that could share one Network: ${Math.floor(subnets / Math.max(1, f.leases))} (each tenant has its own here)`,
      },
      {
        id: 'flannel-vms-per-lease',
        group: 'flannel',
        name: `tenant VMs per management host (addresses of one /${f.subnetLen} lease)`,
        unit: 'VMs',
        value: flannelVmsPerLease(f.subnetLen),
        at: t.name,
        measured: true,
        source: SOURCES.flannelSubnets,
        use: (g) => grow(f.maxVmsOnHost, g.nodesPerTenant),
      },
    );
  }
  out.push(
    {
      id: 'lb-members-per-pool',
      group: 'load-balancer',
      name: 'members per load-balancer pool',
      unit: 'members',
      value: null,
      at: 'platform',
      measured: false,
      source: SOURCES.f5Monitors,
      use: () => p.loadBalancers.maxMembersPerPool,
    },
    {
      id: 'lb-probes-per-second',
      group: 'load-balancer',
      name: 'health-monitor probes per second',
      unit: 'probes/s',
      value: null,
      at: 'platform',
      measured: false,
      source: SOURCES.f5Monitors,
      use: () => p.loadBalancers.probesPerSecond,
    },
    {
      id: 'pki-certificates-per-mount',
      group: 'pki',
      name: 'certificates issued per Vault PKI mount over the run (one mount per cluster CA)',
      unit: 'certificates',
      value: null,
      at: t.name,
      measured: true,
      source: SOURCES.vaultPki,
      use: (g) => grow(t.certificatesIssued, g.nodesPerTenant),
    },
  );
  return out;
}
