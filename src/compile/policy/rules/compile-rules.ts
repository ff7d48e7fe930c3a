// compile: IR policies and profile rules into compiled rules — per rule the port-independent class sets of
// its source and destination (nets, notNets, selector, notSelector, services) and what depends on the port.
import { isEmpty } from '../../../lib/containers/bitset.js';
import type { Direction, EntityMatch, Policy, Rule } from '../../../model/policy/types.js';
import type { PolicyModel } from '../../../model/policy/types.js';
import type { PeerSets } from './peer-sets.js';
import { orServiceBackends } from './port-sets.js';

export const ACT_ALLOW = 0;
export const ACT_DENY = 1;
export const ACT_PASS = 2;
export const ACT_LOG = 3;

const ACTIONS: Readonly<Record<Rule['action'], number>> = { Allow: ACT_ALLOW, Deny: ACT_DENY, Pass: ACT_PASS, Log: ACT_LOG };

/** A compiled rule of a policy or a profile. */
export interface CRule {
  /** Index into the rule table (and into every RuleState). */
  readonly id: number;
  readonly rule: Rule;
  readonly action: number;
  readonly dir: Direction;
  /** Source side as a class set without ports (-1: matches nothing, e.g. source ports with no source port). */
  readonly srcBase: number;
  /** Destination side as a class set without ports and `services` (-1: matches nothing). */
  readonly dstBase: number;
  /** The destination side depends on the packet's port (ports, notPorts, services). */
  readonly dstPortDep: boolean;
  readonly policy?: CPolicy;
  readonly profile?: string;
}

/** A compiled policy. */
export interface CPolicy {
  /** `kind/namespace/name`, the identity of a policy across updates. */
  readonly key: string;
  readonly policy: Policy;
  readonly tierPos: number;
  /** Class set the policy selects (workload endpoints and HostEndpoints). */
  readonly targets: number;
  /** Whether the policy is consulted for the direction (types, and not preDNAT/doNotTrack). */
  readonly applies: Readonly<Record<Direction, boolean>>;
  readonly rules: Readonly<Record<Direction, readonly CRule[]>>;
  /** The non-Log rules as (rule id, action) pairs, for the matrix programs. */
  readonly fire: Readonly<Record<Direction, Int32Array>>;
  readonly staged: boolean;
}

/** (rule id, action) pairs of the rules that can decide (Log rules never do). */
export function firePairs(rules: readonly CRule[]): Int32Array {
  const out: number[] = [];
  for (const r of rules) if (r.action !== ACT_LOG) out.push(r.id, r.action);
  return Int32Array.from(out);
}

const NO_RULES = new Int32Array(0);

/** What compiling needs: the model (Services), the peer sets, a rule table and the entity cache. */
export interface RuleCtx {
  readonly model: PolicyModel;
  readonly ps: PeerSets;
  readonly table: (CRule | undefined)[];
  readonly freeIds: number[];
  readonly entityCache: Map<string, number>;
}

export function policyKey(p: { kind: string; namespace?: string; name: string }): string {
  return `${p.kind}/${p.namespace ?? ''}/${p.name}`;
}

/** Compiles a policy; its CIDRs must already be registered (PeerSets.cidr), as classes split on them. */
export function compilePolicy(ctx: RuleCtx, policy: Policy, tierPos: number): CPolicy {
  const applies = {
    ingress: policy.types.ingress && !policy.preDNAT && !policy.doNotTrack,
    egress: policy.types.egress && !policy.preDNAT && !policy.doNotTrack,
  };
  const rules: Record<Direction, CRule[]> = { ingress: [], egress: [] };
  const fire: Record<Direction, Int32Array> = { ingress: NO_RULES, egress: NO_RULES };
  const cp: CPolicy = { key: policyKey(policy), policy, tierPos, targets: ctx.ps.policyTargets(policy.selector), applies, rules, fire, staged: policy.staged };
  for (const dir of ['ingress', 'egress'] as const) {
    if (!applies[dir]) continue;
    for (const r of policy[dir]) rules[dir].push(compileRule(ctx, r, dir, { policy: cp }));
    fire[dir] = firePairs(rules[dir]);
  }
  return cp;
}

/** Frees a policy's rule ids and target set. */
export function releasePolicy(ctx: RuleCtx, cp: CPolicy): void {
  ctx.ps.pool.free(cp.targets);
  for (const dir of ['ingress', 'egress'] as const) {
    for (const r of cp.rules[dir]) {
      ctx.table[r.id] = undefined;
      ctx.freeIds.push(r.id);
    }
  }
}

export function compileRule(ctx: RuleCtx, rule: Rule, dir: Direction, owner: { policy: CPolicy } | { profile: string }): CRule {
  const never = !rule.ipv4 || rule.source.ports !== undefined;
  const d = rule.destination;
  const id = ctx.freeIds.pop() ?? ctx.table.length;
  const cr: CRule = {
    id,
    rule,
    action: ACTIONS[rule.action],
    dir,
    srcBase: never ? -1 : entitySet(ctx, rule.source, true),
    dstBase: never ? -1 : entitySet(ctx, d, false),
    dstPortDep: d.ports !== undefined || d.notPorts !== undefined || d.services !== undefined,
    ...owner,
  };
  ctx.table[id] = cr;
  return cr;
}

/** Index of the Service a `services` match names (the first with that name and namespace), or -1. */
export function serviceIndex(model: PolicyModel, ref: { name: string; namespace: string }): number {
  return model.services.findIndex((s) => s.name === ref.name && s.namespace === ref.namespace);
}

function cidrKey(list: readonly { base: number; len: number }[] | undefined): string {
  if (!list) return '-';
  let s = '';
  for (const c of list) s += `${c.base}/${c.len},`;
  return s;
}

/** The port-independent class set of an entity (source: with `services`), or -1 when empty. Cached. */
function entitySet(ctx: RuleCtx, e: EntityMatch, source: boolean): number {
  const svc = source && e.services ? serviceIndex(ctx.model, e.services) : -2;
  const key = `${cidrKey(e.nets)}\u0000${cidrKey(e.notNets)}\u0000${e.selector?.toString() ?? '-'}\u0000${e.notSelector?.toString() ?? '-'}\u0000${svc}`;
  const hit = ctx.entityCache.get(key);
  if (hit !== undefined) return hit;
  const { ps } = ctx;
  const parts: [number, boolean][] = [];
  if (e.nets) parts.push([ps.nets(e.nets), false]);
  if (e.notNets) parts.push([ps.nets(e.notNets), true]);
  if (e.selector) parts.push([ps.ipset(e.selector), false]);
  if (e.notSelector) parts.push([ps.ipset(e.notSelector), true]);
  const off = ps.pool.alloc();
  const data = ps.pool.data;
  const W = ps.pool.words;
  if (svc >= -1) {
    if (svc >= 0) orServiceBackends(ps, off, svc, -1, 0);
  } else {
    for (let w = 0; w < W; w++) data[off + w] = data[ps.valid + w] as number;
  }
  for (const [slot, negate] of parts) {
    for (let w = 0; w < W; w++) data[off + w] = negate ? (data[off + w] as number) & ~(data[slot + w] as number) : (data[off + w] as number) & (data[slot + w] as number);
  }
  let result = off;
  if (isEmpty(ps.pool.view(off))) {
    ps.pool.free(off);
    result = -1;
  }
  ctx.entityCache.set(key, result);
  return result;
}
