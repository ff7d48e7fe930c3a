// Known answers for the plan's arithmetic: the Tigera operator's Typha table, full-mesh and reflector
// session counts (routing spec §1.3), IPAM blocks and borrowing, flannel leases.
import { describe, expect, it } from 'vitest';
import {
  blocksPerNode,
  flannelSubnets,
  flannelVmsPerLease,
  meshSessions,
  nodesBeforeBorrowing,
  poolBlocks,
  reflectorSessions,
  typhaNodesWithin,
  typhaReplicas,
} from '../../src/plan/formulas.js';

describe('plan formulas', () => {
  it('Typha replicas follow the operator table (GetExpectedTyphaScale)', () => {
    const table: [number, number][] = [[1, 1], [2, 1], [3, 2], [4, 2], [5, 3], [199, 3], [400, 4], [600, 5], [800, 6], [1000, 7], [2000, 12], [3600, 20], [3799, 20], [3800, 21], [5000, 27]];
    for (const [n, r] of table) expect([n, typhaReplicas(n)]).toEqual([n, r]);
    expect(typhaNodesWithin(20)).toBe(3799);
  });

  it('mesh and reflector sessions', () => {
    expect(meshSessions(1)).toBe(0);
    expect(meshSessions(100)).toBe(4950);
    expect(meshSessions(250)).toBe(31125);
    expect(reflectorSessions(2, 98)).toBe(197);
  });

  it('IPAM arithmetic for given pools and block sizes', () => {
    expect(poolBlocks(16, 26)).toBe(1024);
    expect(poolBlocks(24, 26)).toBe(4);
    expect(blocksPerNode(111, 26)).toBe(2);
    expect(blocksPerNode(64, 26)).toBe(1);
    expect(blocksPerNode(65, 26)).toBe(2);
    expect(blocksPerNode(111, 28)).toBe(7);
    expect(nodesBeforeBorrowing(16, 26, 111)).toBe(512);
    expect(nodesBeforeBorrowing(20, 26, 11)).toBe(64);
  });

  it('flannel leases and VMs per lease', () => {
    expect(flannelSubnets(16, 24)).toBe(255);
    expect(flannelSubnets(20, 24)).toBe(15);
    expect(flannelVmsPerLease(24)).toBe(253);
    expect(flannelVmsPerLease(26)).toBe(61);
  });
});
