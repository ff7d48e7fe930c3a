// cli/emulate: one tenant on real BIRD — namespaces on its underlay, every node's emitted bird.cfg (with
// the adaptations of adapt-config.ts) and a BIRD per external peer, started one at a time in the order the
// simulation established their sessions (where MEDs conflict BIRD's best depends on arrival order), then
// the phases: initial convergence compared with the simulation at --at, the dataplane probes, and each
// node-down and bgp-peer-down/up event of the tenant replayed on the daemons (replay-event.ts) and compared.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBirdConfig } from '../../emit/bird/render-bird-config.js';
import { advancePlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4, parseCidr } from '../../lib/ipv4.js';
import type { TimelineEventSpec } from '../../scenario/types.js';
import { bgpConfigsOf } from '../../verdict/state/bgp-configs.js';
import { adaptForEmulation } from './lab/adapt-config.js';
import { BirdDaemon, type BirdTools } from './lab/bird-process.js';
import { compareViews, type Disagreement } from './views/compare-views.js';
import { probe, startListener, type DataplaneCheck } from './lab/dataplane.js';
import { externalPeerConfig } from './lab/external-peer-config.js';
import type { Host, Lab } from './lab/lab.js';
import { placeExternal, placeNode, type PlacedSpeaker } from './views/place-tenant.js';
import { protocolPeers, realView } from './views/real-view.js';
import { replayEvent } from './lab/replay-event.js';
import type { NodeView } from './views/route-view.js';
import { parseShowProtocols, secondsAfter, sessionUpTimes, summarise, type SessionsUp } from './views/session-times.js';
import { simView } from './views/sim-view.js';

export interface EmulateOptions {
  readonly tools: BirdTools;
  /** Working folder (configurations, sockets, logs). */
  readonly dir: string;
  /** Longest real wait for agreement after start and after each event (ms). */
  readonly settleTimeoutMs: number;
  readonly log: (line: string) => void;
}

/** One comparison: when real BIRD first agreed (ms after the phase began), and what still differs. */
export interface PhaseReport {
  readonly label: string;
  readonly realMs: number | null;
  readonly simulatedMs: number | null;
  readonly disagreements: readonly Disagreement[];
}

export interface TenantReport {
  readonly tenant: string;
  readonly speakers: number;
  readonly phases: readonly PhaseReport[];
  readonly dataplane: readonly DataplaneCheck[];
  /** When the node-to-node sessions came up for good, real and simulated (read after the start phase). */
  readonly sessionsUp: SessionsUp;
  /** Timeline events of the tenant that were not replayed, with the reason. */
  readonly skipped: readonly string[];
}

interface Running {
  readonly s: PlacedSpeaker;
  readonly host: Host;
  readonly daemon: BirdDaemon;
  readonly peers: Map<string, string>;
  live: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Lets the event loop turn between synchronous steps, so a Ctrl-C is handled while the lab exists. */
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

function speakersOf(run: PlatformRun, ci: number): PlacedSpeaker[] {
  const cluster = run.model.clusters[ci]!;
  const configs = bgpConfigsOf(run, ci).configs;
  const nodes: PlacedSpeaker[] = [];
  for (const id of cluster.nodes) {
    const node = run.model.nodes[id]!;
    const cfg = configs.find((c) => c.node === node.shortName || c.node === node.name);
    if (cfg !== undefined) nodes.push(placeNode(cluster, node, run.bgp.speakerOf(id), cfg));
  }
  const net = run.bgp.net;
  const externals = cluster.spec.calico.peers.map((spec, i) => {
    const y = [...Array(net.core.spk.count).keys()].find((k) => net.core.spk.isNode[k] === 0 && net.core.spk.name[k] === spec.name && net.core.spk.tenant[k] === cluster.name);
    return placeExternal(nodes, spec, y !== undefined ? net.nameOf(y) : spec.name, i);
  });
  return [...nodes, ...externals];
}

function start(lab: Lab, s: PlacedSpeaker, all: readonly PlacedSpeaker[], opt: EmulateOptions): Running {
  const host = lab.addHost(s.short, s.place.ip, s.place.prefixLen, s.place.gateway);
  const daemon = new BirdDaemon(lab, opt.tools, host.ns, opt.dir);
  const file = join(opt.dir, `${host.ns}.cfg`);
  if (s.config !== undefined) writeFileSync(file, adaptForEmulation(renderBirdConfig(s.config)));
  else {
    const ip = formatIpv4(s.place.ip);
    const neighbours = all.flatMap((n) => (n.config !== undefined && [...protocolPeers(n.config).values()].includes(ip) ? [{ ip: formatIpv4(n.place.ip), asNumber: n.config.asNumber }] : []));
    writeFileSync(file, externalPeerConfig(s.external!, neighbours));
  }
  daemon.start(file);
  return { s, host, daemon, peers: s.config !== undefined ? protocolPeers(s.config) : new Map(), live: true };
}

/** How long after an event the simulation may run to converge: past BIRD's hold time (240 s, jittered)
 *  and graceful-restart time (120 s). */
const SIM_HORIZON_MS = 600_000;

/** The phase of an event whose simulated convergence is longer than the real wait (`--timeout`). */
function beyondTimeout(node: string, simMs: number, timeoutMs: number): { realMs: null; disagreements: Disagreement[] } {
  const field = 'convergence';
  return { realMs: null, disagreements: [{ node, prefix: '-', from: '-', field, real: `not awaited: --timeout ${timeoutMs / 1000}s`, simulated: `${(simMs / 1000).toFixed(1)}s after the event` }] };
}

/** External peers in the order their first session came up in the simulation (`up`: one did). */
function externalOrder(run: PlatformRun, all: readonly PlacedSpeaker[]): { s: PlacedSpeaker; up: boolean }[] {
  const up = new Map<string, number>();
  for (const s of run.bgp.net.sessions()) {
    if (s.uptimeMs === null) continue;
    const t = run.sim.now - s.uptimeMs;
    for (const name of [s.peer, s.node]) up.set(name, Math.min(up.get(name) ?? Infinity, t));
  }
  const ext = all.filter((s) => s.config === undefined);
  return ext.map((s, i) => ({ s, i, t: up.get(s.speaker) ?? Infinity })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => ({ s: x.s, up: x.t < Infinity }));
}

/** Waits until every BGP session of a daemon is Established (or the timeout passes). */
async function waitEstablished(r: Running, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    await turn();
    const st = r.daemon.bgpStates();
    if ((st.total > 0 && st.established === st.total) || Date.now() - t0 > timeoutMs) return;
    await sleep(250);
  }
}

/** Prefixes compared: everything but borrowed /32s (no Felix programs them here). */
function keeper(all: readonly PlacedSpeaker[]): (prefix: string) => boolean {
  const borrowed = new Set(all.flatMap((s) => s.config?.borrowed ?? []));
  return (p) => !borrowed.has(p);
}

function simViews(run: PlatformRun, rs: readonly Running[], keep: (p: string) => boolean): Map<string, NodeView> {
  return new Map(rs.filter((r) => r.live && r.s.config !== undefined).map((r) => [r.s.speaker, simView(run.bgp.net, r.s.speaker, r.s.place, keep)]));
}

function disagreements(rs: readonly Running[], expected: ReadonlyMap<string, NodeView>, keep: (p: string) => boolean): Disagreement[] {
  const out: Disagreement[] = [];
  for (const r of rs) {
    const want = expected.get(r.s.speaker);
    if (want === undefined) continue;
    const got = realView(r.daemon, r.peers, keep);
    if (got === undefined) out.push({ node: r.s.speaker, prefix: '-', from: '-', field: 'daemon', real: 'not answering', simulated: 'running' });
    else out.push(...compareViews(r.s.speaker, got, want));
  }
  return out;
}

/** Polls until real BIRD agrees with `expected` or the timeout passes. */
async function waitAgreement(rs: readonly Running[], expected: ReadonlyMap<string, NodeView>, keep: (p: string) => boolean, timeoutMs: number): Promise<{ realMs: number | null; disagreements: Disagreement[] }> {
  const t0 = Date.now();
  for (;;) {
    await turn();
    const d = disagreements(rs, expected, keep);
    if (d.length === 0) return { realMs: Date.now() - t0, disagreements: [] };
    if (Date.now() - t0 > timeoutMs) return { realMs: null, disagreements: d };
    await sleep(500);
  }
}

function eventNode(run: PlatformRun, ev: TimelineEventSpec): number | undefined {
  const name = ev.node ?? '';
  return run.model.nodeByName.get(ev.tenant !== undefined && !name.includes('/') ? `${ev.tenant}/${name}` : name);
}

async function dataplane(rs: readonly Running[], views: ReadonlyMap<string, NodeView>): Promise<DataplaneCheck[]> {
  const out: DataplaneCheck[] = [];
  for (const a of rs) {
    const view = views.get(a.s.speaker);
    if (view === undefined) continue;
    for (const b of rs) {
      const block = b === a || b.s.config === undefined ? undefined : b.s.config.blocks[0];
      const c = block !== undefined ? parseCidr(block) : undefined;
      if (c === undefined) continue;
      await turn();
      out.push(probe(a.s.speaker, a.host.ns, b.s.speaker, formatIpv4(c.base + 1), view.kernel.get(block!) ?? []));
    }
  }
  return out;
}

/** The node-to-node sessions' up times on the daemons (s after `startMs`) and in the simulation. */
function sessionsUp(run: PlatformRun, rs: readonly Running[], startMs: number): SessionsUp {
  const nodes = rs.filter((r) => r.s.config !== undefined);
  const byIp = new Map(nodes.map((r) => [formatIpv4(r.s.place.ip), r.s.speaker]));
  const now = Date.now();
  const real = nodes.flatMap((r) =>
    parseShowProtocols(r.daemon.showProtocols() ?? '').flatMap((row) => {
      const b = byIp.get(r.peers.get(row.name) ?? '');
      return b === undefined ? [] : [{ a: r.s.speaker, b, upS: row.established ? secondsAfter(row.sinceS, startMs, now) : null }];
    }),
  );
  const names = new Set(nodes.map((r) => r.s.speaker));
  const sim = run.bgp.net
    .sessions()
    .filter((x) => names.has(x.node) && names.has(x.peer))
    .map((x) => ({ a: x.node, b: x.peer, upS: x.uptimeMs === null || x.state !== 'Established' ? null : (run.sim.now - x.uptimeMs) / 1000 }));
  return { real: summarise(sessionUpTimes(real)), simulated: summarise(sessionUpTimes(sim)) };
}

/** Runs one tenant; `run` must be at the time to compare (it is advanced through the replayed events). */
export async function emulateTenant(run: PlatformRun, ci: number, lab: Lab, opt: EmulateOptions): Promise<TenantReport> {
  const cluster = run.model.clusters[ci]!;
  const all = speakersOf(run, ci);
  const keep = keeper(all);
  opt.log(`${cluster.name}: starting ${all.length} BIRD daemon(s)`);
  const rs: Running[] = [];
  const startMs = Date.now();
  for (const s of all.filter((x) => x.config !== undefined)) {
    await turn();
    rs.push(start(lab, s, all, opt));
  }
  for (const { s, up } of externalOrder(run, all)) {
    const r = start(lab, s, all, opt);
    rs.push(r);
    if (up) await waitEstablished(r, opt.settleTimeoutMs);
  }
  const listening: Promise<void>[] = [];
  for (const r of rs) {
    if (r.s.config === undefined) continue;
    lab.addPods(r.host, r.s.config.blocks.flatMap((b) => (parseCidr(b) !== undefined ? [formatIpv4(parseCidr(b)!.base + 1)] : [])));
    for (const b of r.s.config.blocks) lab.routerRoute(b, formatIpv4(r.s.place.ip));
    listening.push(startListener(lab, r.host.ns));
  }
  const phases: PhaseReport[] = [];
  let expected = simViews(run, rs, keep);
  const first = await waitAgreement(rs, expected, keep, opt.settleTimeoutMs);
  const simStart = run.bgp.net.convergence().find((c) => c.label === 'start')?.convergenceMs ?? null;
  phases.push({ label: `start (simulation at ${run.sim.now / 1000}s)`, realMs: first.realMs, simulatedMs: simStart, disagreements: first.disagreements });
  opt.log(`${cluster.name}: start: ${first.disagreements.length === 0 ? `agreed after ${first.realMs} ms` : `${first.disagreements.length} disagreement(s)`}`);
  await Promise.all(listening);
  const probes = await dataplane(rs, expected);
  const up = sessionsUp(run, rs, startMs);
  const skipped: string[] = [];
  const events = run.model.scenario.events.filter((ev) => ev.at > run.sim.now && (eventNode(run, ev) === undefined ? ev.tenant === cluster.name : run.model.nodes[eventNode(run, ev)!]!.cluster === ci));
  for (const [i, ev] of events.entries()) {
    const id = eventNode(run, ev);
    const r = rs.find((x) => id !== undefined && x.s.speaker === run.bgp.speakerOf(id));
    const done = r !== undefined ? replayEvent(lab, run.model, cluster, ev, r) : undefined;
    if (r === undefined || done === undefined) {
      skipped.push(...events.slice(i).map((e) => `${e.kind} at ${e.at / 1000}s (only node-down and bgp-peer-down/up events are replayed; the rest of the timeline is skipped)`));
      break;
    }
    // The simulation runs until the event has converged (a silent failure: the peers' hold timers), not
    // only as long as the real wait, so the state compared is the settled one; a convergence longer than
    // the wait cannot be checked and is a disagreement, never a quiet agreement with the state before it.
    const next = events[i + 1]?.at ?? Infinity;
    advancePlatform(run, Math.min(next - 1, ev.at + SIM_HORIZON_MS));
    expected = simViews(run, rs, keep);
    const simMs = run.bgp.net.convergence().find((c) => c.at === ev.at && c.label.includes(r.s.speaker))?.convergenceMs ?? null;
    const label = `${ev.kind} ${r.s.speaker}${ev.peer !== undefined ? ` → ${ev.peer}` : ''} (${done}) at ${ev.at / 1000}s`;
    const res = simMs !== null && simMs > opt.settleTimeoutMs ? beyondTimeout(r.s.speaker, simMs, opt.settleTimeoutMs) : await waitAgreement(rs, expected, keep, opt.settleTimeoutMs);
    phases.push({ label, realMs: res.realMs, simulatedMs: simMs, disagreements: res.disagreements });
    opt.log(`${cluster.name}: ${label}: ${res.disagreements.length === 0 ? `agreed after ${res.realMs} ms` : `${res.disagreements.length} disagreement(s)`}`);
  }
  return { tenant: cluster.name, speakers: all.length, phases, dataplane: probes, sessionsUp: up, skipped };
}

