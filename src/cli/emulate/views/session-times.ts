// cli/emulate: when each BGP session between two nodes of a tenant came up for good — on real BIRD from
// `birdc show protocols` (the `since` column: the wall-clock second of the protocol's last state change,
// BIRD 1.6's default `timeformat protocol` %T) and in the simulation from the session reports — summarised
// for the report (reflector sessions churn at start-up: proto/bgp/bgp.c, engine/bgp/protocol/collision.ts).

/** Up times of a tenant's node-to-node sessions (s after start), and how many were not Established. */
export interface UpSummary {
  readonly sessions: number;
  readonly notEstablished: number;
  readonly firstS: number | null;
  readonly medianS: number | null;
  readonly lastS: number | null;
}

export interface SessionsUp {
  /** Real BIRD, whole seconds (BIRD prints seconds), read once the start phase and the probes are done. */
  readonly real: UpSummary;
  readonly simulated: UpSummary;
}

/** One BGP protocol row of `birdc show protocols`. */
export interface ProtocolRow {
  readonly name: string;
  readonly established: boolean;
  /** Seconds since local midnight of the `since` column. */
  readonly sinceS: number;
}

const ROW = /^(\S+)\s+BGP\s+\S+\s+\S+\s+(\d\d):(\d\d):(\d\d)\s*(\S*)/;

export function parseShowProtocols(text: string): ProtocolRow[] {
  const out: ProtocolRow[] = [];
  for (const line of text.split('\n')) {
    const m = ROW.exec(line);
    if (m === null) continue;
    out.push({ name: m[1] as string, established: m[5] === 'Established', sinceS: Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) });
  }
  return out;
}

/** Seconds from `startMs` (wall clock) to the time of day `sinceS` (local), at most a day back from `nowMs`. */
export function secondsAfter(sinceS: number, startMs: number, nowMs: number): number {
  const now = new Date(nowMs);
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  let at = midnight + sinceS * 1000;
  if (at > nowMs + 1000) at -= 86_400_000;
  return Math.max(0, Math.floor((at - startMs) / 1000));
}

/** A session seen from both ends (key: the two speakers, sorted) is up when both are Established, since the
 *  later of the two. */
export function sessionUpTimes(ends: readonly { readonly a: string; readonly b: string; readonly upS: number | null }[]): (number | null)[] {
  const by = new Map<string, number | null>();
  for (const e of ends) {
    const key = [e.a, e.b].sort().join('\u0000');
    const prev = by.get(key);
    by.set(key, prev === undefined ? e.upS : prev === null || e.upS === null ? null : Math.max(prev, e.upS));
  }
  return [...by.values()];
}

export function summarise(ups: readonly (number | null)[]): UpSummary {
  const up = ups.filter((u): u is number => u !== null).sort((x, y) => x - y);
  const mid = up.length === 0 ? null : up.length % 2 === 1 ? (up[(up.length - 1) / 2] as number) : ((up[up.length / 2 - 1] as number) + (up[up.length / 2] as number)) / 2;
  return { sessions: ups.length, notEstablished: ups.length - up.length, firstS: up[0] ?? null, medianS: mid, lastS: up[up.length - 1] ?? null };
}
