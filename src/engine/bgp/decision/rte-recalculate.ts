// engine/bgp: BIRD 1.6's route list of one network (nest/rt-table.c rte_recalculate, unsorted tables as
// Calico's bird.cfg has them): the best route first, the others in the order the updates left them. A new
// route is compared only with the current best; when the best leaves (or gets worse) the list is scanned
// from the front, each route against the best so far. With a comparison that is not an ordering (MED,
// bgp-rte-better.ts) the result therefore depends on arrival order, as BIRD's own source says.

/**
 * The list after replacing `old` (the route of the same source, or undefined) with `nw` (undefined: a
 * withdrawal). `list` is not modified. `better(a, b)`: a is better than b.
 */
export function rteRecalculate<T>(list: readonly T[], old: T | undefined, nw: T | undefined, better: (a: T, b: T) => boolean): T[] {
  const oldBest = list[0];
  const rest = old === undefined ? [...list] : list.filter((r) => r !== old);
  if (nw !== undefined && (oldBest === undefined || better(nw, oldBest))) return [nw, ...rest]; // first case
  if (old !== undefined && old === oldBest) {
    // Second case: the best disappeared; the new route (if any) goes in front, then a scan elects the best.
    const l = nw !== undefined ? [nw, ...rest] : rest;
    let bp = 0;
    for (let k = 1; k < l.length; k++) if (better(l[k] as T, l[bp] as T)) bp = k;
    return l.length === 0 ? l : [l[bp] as T, ...l.slice(0, bp), ...l.slice(bp + 1)];
  }
  // Third case: linked right after the best; fourth: a route other than the best left.
  return nw !== undefined ? [rest[0] as T, nw, ...rest.slice(1)] : rest;
}
