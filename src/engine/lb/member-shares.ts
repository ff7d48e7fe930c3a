// engine: the share of new connections each pool member gets at an instant, from the method, the members'
// ratios and priority groups — without simulating connections. BIG-IP semantics (F5 K-articles on load
// balancing methods and priority group activation): only members in service take new connections; the
// highest priority group serves alone until fewer than `minimumMembersActive` of its members are available,
// then the next group joins; ratio-member weighs by `ratio`; least-connections-node balances per node
// address (members sharing a node split its share); round robin, least-connections-member (equal service
// times) and source-address persistence (hashing uniform client addresses) share equally.
import type { LbMethod } from '../../scenario/types.js';

/** What the share needs to know of a member. */
export interface ShareMember {
  readonly ratio: number;
  readonly priorityGroup: number;
  /** Node identity for least-connections-node (the member's address). */
  readonly node: string;
}

/** Members that take new connections now, by priority group activation (indices into `members`). */
export function activeMembers(members: readonly ShareMember[], inService: (i: number) => boolean, minimumMembersActive: number): number[] {
  const available: number[] = [];
  for (let i = 0; i < members.length; i++) if (inService(i)) available.push(i);
  // min-active-members 0 turns priority group activation off: every available member serves; so does a
  // pool whose members share one group.
  if (minimumMembersActive <= 0 || available.every((i) => members[i]!.priorityGroup === members[available[0]!]!.priorityGroup)) return available;
  const groups = [...new Set(available.map((i) => members[i]!.priorityGroup))].sort((a, b) => b - a);
  const active: number[] = [];
  for (const g of groups) {
    if (active.length >= minimumMembersActive) break;
    active.push(...available.filter((i) => members[i]!.priorityGroup === g));
  }
  return active.sort((a, b) => a - b);
}

/** Each member's share of new connections (0 for members out of service); sums to 1, or to 0 in an outage. */
export function memberShares(members: readonly ShareMember[], inService: (i: number) => boolean, method: LbMethod, minimumMembersActive: number): number[] {
  const active = activeMembers(members, inService, minimumMembersActive);
  const weight = new Array<number>(members.length).fill(0);
  if (method === 'least-connections-node') {
    const perNode = new Map<string, number>();
    for (const i of active) perNode.set(members[i]!.node, (perNode.get(members[i]!.node) ?? 0) + 1);
    for (const i of active) weight[i] = 1 / perNode.get(members[i]!.node)!;
  } else {
    for (const i of active) weight[i] = method === 'ratio-member' ? members[i]!.ratio : 1;
  }
  const total = weight.reduce((s, w) => s + w, 0);
  return weight.map((w) => (total > 0 ? w / total : 0));
}
