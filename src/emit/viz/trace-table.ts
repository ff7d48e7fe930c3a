// emit/viz: the traces the page can show, computed when the page is written (`calisim trace` on the same
// state): requests are collected while the matrix is built, deduplicated and capped, then traced at once.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ClusterPolicies } from '../../verdict/reach/platform-probes.js';
import { endResolver } from '../../verdict/trace/resolve-end.js';
import { tracePacket } from '../../verdict/trace/trace-packet.js';
import type { VizTrace } from './viz-data.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1 };

/** A probe to trace. */
export interface TraceWish {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number | null;
}

/** Collects wishes (index per distinct wish, -1 past `cap`) and traces them in the run's current state. */
export function traceTable(cap: number): { want: (w: TraceWish) => number; trace: (run: PlatformRun, policies: readonly ClusterPolicies[], display: (f: string) => string) => VizTrace[] } {
  const wishes: TraceWish[] = [];
  const index = new Map<string, number>();
  return {
    want(w) {
      const key = `${w.from}>${w.to}>${w.protocol}>${w.port}`;
      let i = index.get(key);
      if (i === undefined) {
        if (wishes.length >= cap || PROTOCOLS[w.protocol] === undefined) return -1;
        i = wishes.length;
        wishes.push(w);
        index.set(key, i);
      }
      return i;
    },
    trace(run, policies, display) {
      const resolve = endResolver(run);
      return wishes.map((w) => {
        const t = tracePacket(run, policies, { from: w.from, to: w.to, protocol: PROTOCOLS[w.protocol]!, protocolName: w.protocol, ...(w.port !== null ? { port: w.port } : {}), size: 64 }, resolve);
        if (typeof t === 'string') return { ...w, srcIp: null, dstIp: null, hops: [{ step: 'error', at: '', detail: t, file: null, line: null }], disposition: 'dropped', dropReason: 'no-such-endpoint' };
        return {
          from: t.from,
          to: t.to,
          protocol: t.protocol,
          port: t.port,
          srcIp: t.srcIp,
          dstIp: t.dstIp,
          hops: t.hops.map((h) => ({ step: h.step, at: h.at, detail: h.detail, file: h.file !== undefined ? display(h.file) : null, line: h.line ?? null })),
          disposition: t.disposition,
          dropReason: t.dropReason ?? null,
        };
      });
    },
  };
}
