import { describe, expect, it } from 'vitest';
import { cidrContains, formatIpv4 } from '../../../src/lib/ipv4.js';
import { placeVms } from '../../../src/model/underlay/place-vms.js';
import { planUnderlay } from '../../../src/model/underlay/plan-underlay.js';
import { cluster, flannel, hosts, node, SRC } from './fixtures.js';

const names = (n: number, prefix = 'n') => Array.from({ length: n }, (_, i) => node(`${prefix}-${i}`));

describe('planUnderlay: physical and VPC', () => {
  it('numbers physical nodes from the third address, keeping explicit ones', () => {
    const c = cluster('mgmt', { kind: 'physical', cidr: '10.0.0.0/24', mtu: 0, src: SRC }, [node('a'), node('b', { ip: '10.0.0.3' }), node('c')]);
    const { plan, diagnostics } = planUnderlay(c, { path: 'platform.management', seed: 1 });
    expect(diagnostics).toEqual([]);
    expect(plan!.nodes.map((n) => formatIpv4(n.ip))).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4']);
    expect(plan!.nodes[0]).toMatchObject({ prefixLen: 24, mtu: 1500, host: -1 });
  });

  it('skips the addresses AWS reserves and defaults the VPC MTU to 9001', () => {
    const c = cluster('cloud', { kind: 'vpc', vpc: { cidr: '10.100.0.0/16', mtu: 0, src: SRC } }, names(2));
    const { plan } = planUnderlay(c, { path: 'tenants[3]', seed: 1 });
    expect(plan!.nodes.map((n) => formatIpv4(n.ip))).toEqual(['10.100.0.4', '10.100.0.5']);
    expect(plan!.mtu).toBe(9001);
    const bad = cluster('cloud', { kind: 'vpc', vpc: { cidr: '10.100.0.0/16', mtu: 9001, src: SRC } }, [node('x', { ip: '10.100.0.2' }), node('y', { ip: '10.100.255.255' })]);
    expect(planUnderlay(bad, { path: 'tenants[3]', seed: 1 }).diagnostics.map((d) => d.path)).toEqual(['tenants[3].nodes[0].ip', 'tenants[3].nodes[1].ip']);
  });

  it('reports bad, duplicate and outside addresses and a full network', () => {
    const c = cluster('p', { kind: 'physical', cidr: '10.0.0.0/30', mtu: 1500, src: SRC }, [
      node('a', { ip: '10.1.0.1' }),
      node('b', { ip: '10.0.0.2' }),
      node('c', { ip: '10.0.0.2' }),
      node('d'),
    ]);
    const { plan, diagnostics } = planUnderlay(c, { path: 't', seed: 1 });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([
      '10.1.0.1 is outside the node network 10.0.0.0/30',
      '10.0.0.2 is used by another node',
      'no free address left for d in 10.0.0.0/30',
    ]);
  });
});

describe('placeVms', () => {
  it('keeps explicit hosts and fills the least-loaded host otherwise, across tenants', () => {
    const t1 = cluster('t1', flannel(), [node('a', { host: 'mgmt-1' }), node('b'), node('c')]);
    const t2 = cluster('t2', flannel(), [node('d'), node('e', { host: 'mgmt-9' })]);
    const cloud = cluster('t3', { kind: 'vpc', vpc: { cidr: '10.9.0.0/16', mtu: 9001, src: SRC } }, [node('f')]);
    const { placement, diagnostics } = placeVms([t1, t2, cloud], ['mgmt-1', 'mgmt-2', 'mgmt-3'], ['tenants[0]', 'tenants[1]', 'tenants[2]']);
    expect([...placement[0]!]).toEqual([0, 1, 2]);
    expect([...placement[1]!]).toEqual([0, -1]);
    expect([...placement[2]!]).toEqual([-1]);
    expect(diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual(['tenants[1].nodes[1].host: unknown management host mgmt-9 (hosts: mgmt-1, mgmt-2, mgmt-3)']);
  });
});

describe('planUnderlay: flannel', () => {
  it('leases a subnet per host and numbers VMs from .2 of their host subnet, NIC MTU = flannel MTU', () => {
    const c = cluster('acme', flannel({ vni: 101 }), names(5, 'acme'));
    const hs = hosts(3);
    const { plan, diagnostics } = planUnderlay(c, { path: 'tenants[0]', seed: 42, hosts: hs });
    expect(diagnostics).toEqual([]);
    const f = plan!.flannel!;
    expect(f).toMatchObject({ vni: 101, device: 'flannel.101', port: 8472, subnetLen: 24, uplinkMtu: 1500, deviceMtu: 1450, podMtu: 1450 });
    expect(f.leases.map((l) => l.hostName)).toEqual(['mgmt-1', 'mgmt-2', 'mgmt-3']);
    expect(new Set(f.leases.map((l) => l.subnet.base)).size).toBe(3);
    expect(plan!.nodes.map((n) => n.host)).toEqual([0, 1, 2, 0, 1]);
    plan!.nodes.forEach((n) => {
      const lease = f.leases[n.host]!;
      expect(cidrContains(lease.subnet, n.ip)).toBe(true);
      expect(n).toMatchObject({ prefixLen: 24, mtu: 1450 });
    });
    expect(plan!.nodes[0]!.ip - f.leases[0]!.subnet.base).toBe(2);
    expect(plan!.nodes[3]!.ip - f.leases[0]!.subnet.base).toBe(3);
    expect(planUnderlay(c, { path: 'tenants[0]', seed: 42, hosts: hs }).plan).toEqual(plan);
  });

  it('derives the flannel MTU from the host uplink when unset and warns when the uplink is too small', () => {
    const c = cluster('acme', flannel({ mtu: 0 }), names(1));
    expect(planUnderlay(c, { path: 't', seed: 1, hosts: hosts(2, 9000) }).plan!.nodes[0]!.mtu).toBe(8950);
    const tight = planUnderlay(cluster('acme', flannel({ mtu: 1500 }), names(1)), { path: 't', seed: 1, hosts: hosts(1, 1500) });
    expect(tight.plan).toBeDefined();
    expect(tight.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('pins the lease of a host whose VM has an explicit address', () => {
    const c = cluster('acme', flannel(), [node('a', { host: 'mgmt-2', ip: '10.244.77.9' }), node('b', { host: 'mgmt-2' }), node('c', { host: 'mgmt-1' })]);
    const { plan, diagnostics } = planUnderlay(c, { path: 't', seed: 5, hosts: hosts(2) });
    expect(diagnostics).toEqual([]);
    expect(formatIpv4(plan!.flannel!.leases[1]!.subnet.base)).toBe('10.244.77.0');
    expect(plan!.nodes.map((n) => formatIpv4(n.ip)).slice(0, 2)).toEqual(['10.244.77.9', '10.244.77.2']);
    const clash = cluster('acme', flannel(), [node('a', { host: 'mgmt-1', ip: '10.244.0.9' }), node('b', { host: 'mgmt-2', ip: '10.244.3.1' })]);
    expect(planUnderlay(clash, { path: 't', seed: 5, hosts: hosts(2) }).diagnostics.map((d) => d.message)).toEqual([
      "10.244.0.9 lies in the flannel network's first subnet, which flannel never leases",
      '10.244.3.1 is reserved in the flannel subnet (.0 is flannel.1, .1 the bridge, the last the broadcast)',
    ]);
  });

  it('fails without management hosts and when the network runs out of subnets', () => {
    expect(planUnderlay(cluster('a', flannel(), names(1)), { path: 't', seed: 1 }).diagnostics.map((d) => d.severity)).toContain('error');
    const small = cluster('a', flannel({ network: '10.244.0.0/28' }), names(1));
    const out = planUnderlay(small, { path: 't', seed: 1, hosts: hosts(4) });
    expect(out.plan).toBeUndefined();
    expect(out.diagnostics.map((d) => d.message)).toEqual(['flannel network 10.244.0.0/28 is out of subnets for host mgmt-4']);
  });
});
