// model: Calico Tier resources — the built-in tiers (libcalico-go names/policy.go, pinned by the CEL rules of
// api/.../tier.go), user tiers, and Felix's tier order (felix/calc/policy_sorter.go TierLess).
import { checkFields, fail, readNumber, readObject, type ReadCtx } from '../fields/read-json.js';
import type { Tier } from '../types.js';

/** kube-admin (ANP, order 1000, Pass), default (1,000,000, Deny), kube-baseline (BANP, 10,000,000, Pass). */
export const BUILT_IN_TIERS: readonly Tier[] = [
  { name: 'kube-admin', order: 1000, defaultAction: 'Pass', builtIn: true },
  { name: 'default', order: 1_000_000, defaultAction: 'Deny', builtIn: true },
  { name: 'kube-baseline', order: 10_000_000, defaultAction: 'Pass', builtIn: true },
];

/** A Tier manifest; undefined when invalid. Built-in tiers may be declared only with their fixed values. */
export function convertTier(ctx: ReadCtx): Tier | undefined {
  const m = ctx.manifest;
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, ['order', 'defaultAction'], 'spec');
  const order = readNumber(ctx, spec['order'], 'spec.order');
  const action = spec['defaultAction'];
  if (action !== undefined && action !== null && action !== 'Deny' && action !== 'Pass') {
    fail(ctx, 'spec.defaultAction', `unsupported value ${JSON.stringify(action)}: supported values: Deny, Pass`);
    return undefined;
  }
  const defaultAction = action === 'Pass' ? 'Pass' : 'Deny';
  const builtIn = BUILT_IN_TIERS.find((t) => t.name === m.name);
  if (builtIn) {
    if (order !== builtIn.order) fail(ctx, 'spec.order', `${m.name} tier order must be ${builtIn.order}`);
    if (defaultAction !== builtIn.defaultAction || action === undefined) {
      fail(ctx, 'spec.defaultAction', `The '${m.name}' tier must have default action '${builtIn.defaultAction}'`);
    }
    return order === builtIn.order && defaultAction === builtIn.defaultAction && action !== undefined ? builtIn : undefined;
  }
  return { name: m.name, order: order ?? Infinity, defaultAction, builtIn: false, src: m.src };
}

/** TierLess: order ascending (Infinity = nil last), equal orders by name. */
export function compareTiers(a: Tier, b: Tier): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
