// model: the EndpointSlice controller's topology hints for a Service annotated
// `service.kubernetes.io/topology-mode: Auto` — each zone's share of the ready endpoints in proportion to its
// nodes' allocatable CPU, or no hints at all when that allocation would overload a zone. Pure.

/** The controller's overloadThreshold (k8s.io/endpointslice topologycache/topologycache.go). */
const OVERLOAD_THRESHOLD = 0.2;

/** One endpoint: whether it is ready, and its zone (undefined: its node has none). */
export interface HintInput {
  readonly ready: boolean;
  readonly zone?: string;
}

/** The zone hint of each endpoint, in input order (undefined for a not-ready one), or why there are none. */
export type HintResult = { readonly hints: readonly (string | undefined)[] } | { readonly none: string };

interface Allocation {
  readonly minimum: number;
  readonly desired: number;
}

/**
 * TopologyCache.AddHints over the zones' CPU (`cpuByZone`, millicores of the ready nodes not labelled
 * control-plane or master; undefined when a node lacks a zone or CPU: SetNodes then gives up):
 * 1. getAllocations: no hints with under two zones, fewer ready endpoints than zones, or when the zones'
 *    minimums (⌈desired / 1.2⌉, desired = CPU share × endpoints) add up to more than the endpoints;
 * 2. each ready endpoint is hinted for its own zone (one without a zone removes every hint);
 * 3. getGivingAndReceivingZones / redistributeHints: zones holding more than desired give endpoints, in slice
 *    order, to the zones holding fewer, one at a time while both differences are worth it.
 * Go walks the zone maps in random order where two zones tie; calisim walks them by name, so answers repeat.
 */
export function topologyHints(endpoints: readonly HintInput[], cpuByZone: ReadonlyMap<string, number> | undefined): HintResult {
  if (cpuByZone === undefined) return { none: 'a node has no zone label or no allocatable CPU (insufficient node info)' };
  const zones = [...cpuByZone.keys()].sort();
  const total = zones.reduce((s, z) => s + cpuByZone.get(z)!, 0);
  const ready = endpoints.filter((e) => e.ready).length;
  if (zones.length < 2 || total === 0) return { none: 'the ready nodes are in one zone only' };
  if (zones.length > ready) return { none: `insufficient number of endpoints (${ready} endpoints, ${zones.length} zones)` };
  const allocations = new Map<string, Allocation>();
  let remaining = ready;
  for (const z of zones) {
    const desired = (cpuByZone.get(z)! / total) * ready;
    const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
    allocations.set(z, { minimum, desired: Math.max(desired, minimum) });
    remaining -= minimum;
    if (remaining < 0) return { none: `the minimum allocations would overload a zone (${ready} endpoints, ${zones.length} zones)` };
  }
  const hints = endpoints.map((e) => (e.ready ? e.zone : undefined));
  if (endpoints.some((e) => e.ready && (e.zone === undefined || e.zone === ''))) return { none: 'an endpoint has no zone' };
  const held = new Map<string, number>(zones.map((z) => [z, 0]));
  for (const z of hints) if (z !== undefined) held.set(z, (held.get(z) ?? 0) + 1);
  const { giving, receiving } = givingAndReceiving(allocations, held, zones);
  hints.forEach((z, i) => {
    if (z === undefined || (giving.get(z) ?? 0) <= 0) return;
    const to = zones.find((r) => (receiving.get(r) ?? 0) > 0);
    if (to === undefined) return;
    hints[i] = to;
    giving.set(z, giving.get(z)! - 1);
    receiving.set(to, receiving.get(to)! - 1);
  });
  return { hints };
}

/** getGivingAndReceivingZones: whole endpoints each zone gives or receives. */
function givingAndReceiving(allocations: ReadonlyMap<string, Allocation>, held: ReadonlyMap<string, number>, zones: readonly string[]): { giving: Map<string, number>; receiving: Map<string, number> } {
  const give = new Map<string, number>();
  const take = new Map<string, number>();
  for (const z of zones) {
    const target = allocations.get(z)!.desired;
    const have = held.get(z) ?? 0;
    if (have > target) give.set(z, have - target);
    else if (have < target) take.set(z, target - have);
  }
  const giving = new Map<string, number>();
  const receiving = new Map<string, number>();
  for (;;) {
    const [g, ng] = most(give, zones);
    const [r, nr] = most(take, zones);
    if (g === undefined || r === undefined || (ng < 1 && nr < 1) || ng < 0.5 || nr < 0.5) break;
    giving.set(g, (giving.get(g) ?? 0) + 1);
    give.set(g, ng - 1);
    receiving.set(r, (receiving.get(r) ?? 0) + 1);
    take.set(r, nr - 1);
  }
  return { giving, receiving };
}

/** getMost: the zone with the greatest positive value (first by name on a tie). */
function most(values: ReadonlyMap<string, number>, zones: readonly string[]): [string | undefined, number] {
  let best: string | undefined;
  let n = 0;
  for (const z of zones) {
    const v = values.get(z) ?? 0;
    if (v > n) [best, n] = [z, v];
  }
  return [best, n];
}
