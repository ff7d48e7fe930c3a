// viz: replaying recorded state changes — the value of a `[t0, s0, t1, s1, ...]` history at a time, and the
// platform's counts at that time (nodes up, session ends by state) as `calisim bgp --at` would count them.
import type { History, VizData } from './viz-data.js';

/** The state in force at time t (the last change at or before t). */
export function valueAt(h: History, t: number): number {
  let v = h[1] ?? 0;
  for (let i = 0; i < h.length; i += 2) {
    if ((h[i] as number) > t) break;
    v = h[i + 1] as number;
  }
  return v;
}

/** A session end's state name at t (`Down` while its speaker is down). */
export function stateNameAt(data: VizData, h: History, t: number): string {
  const s = valueAt(h, t);
  return s < 0 ? 'Down' : (data.stateNames[s] ?? 'Idle');
}

/** Session ends by state at time t. */
export function sessionCounts(data: VizData, t: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of data.sessions) {
    const name = stateNameAt(data, s.states, t);
    out.set(name, (out.get(name) ?? 0) + 1);
  }
  return out;
}
