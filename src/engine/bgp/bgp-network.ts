// engine/bgp: the public face of the BGP engine — build a network from NodeBgpConfig[] and external peers
// on a Simulation, apply or schedule failures and changes, and read sessions, RIBs, FIBs, convergence
// and blackhole windows. Runs are deterministic for a given Simulation seed.
import type { NodeBgpConfig } from '../../model/bgp/types.js';
import type { Simulation } from '../simulation.js';
import { BgpCore, ChangeState } from './bgp-core.js';
import { registerKinds } from './protocol/bgp-events.js';
import { buildNetwork } from './build/build.js';
import { linkDown, linkUp, nodeDown, nodeUp, peerDown, peerUp, setBlocks } from './build/changes.js';
import { reconfigure } from './build/reconfigure.js';
import {
  blackholeWindows,
  convergence,
  nodeRoutes,
  routeCounts,
  type RouteEntry,
  sessionCounts,
  sessionReports,
} from './reports/reports.js';
import {
  type BgpChange,
  type BgpOptions,
  type BlackholeWindow,
  type ConvergenceRecord,
  type ExternalBgpPeer,
  resolveBgpOptions,
  type SessionReport,
} from './types.js';

/** A BGP network running on a Simulation. */
export class BgpNetwork {
  readonly core: BgpCore;
  private readonly scheduled: BgpChange[] = [];

  /** `seed` keys every timer and latency draw; by default the simulation's next number. */
  constructor(sim: Simulation, configs: readonly NodeBgpConfig[], externals: readonly ExternalBgpPeer[] = [], options: BgpOptions = {}, seed = sim.prng.nextU32() | 0) {
    this.core = new BgpCore(sim, resolveBgpOptions(options), seed);
    this.core.kinds = registerKinds(this.core, (i) => this.apply(this.scheduled[i] as BgpChange));
    buildNetwork(this.core, configs, externals);
  }

  /** Speaker id of a node or external peer (`name` when unambiguous, or `tenant/name`); throws if unknown. */
  speaker(name: string): number {
    const y = this.core.byName.get(name);
    if (y === undefined || y < 0) throw new Error(`unknown or ambiguous BGP speaker ${name}`);
    return y;
  }

  /** Display name of a speaker (`name`, or `tenant/name` when the network spans tenants). */
  nameOf(y: number): string {
    const s = this.core.spk;
    return s.tenants.length > 1 ? `${s.tenant[y]}/${s.name[y]}` : (s.name[y] as string);
  }

  /** Applies a change now. */
  apply(change: BgpChange): void {
    const core = this.core;
    core.changes.push(new ChangeState(labelOf(change), core.sim.now));
    switch (change.kind) {
      case 'node-down':
        return nodeDown(core, this.speaker(change.node), change.mode);
      case 'node-up':
        return nodeUp(core, this.speaker(change.node));
      case 'link-down':
        return linkDown(core, this.speaker(change.a), this.speaker(change.b), change.mode ?? 'reset');
      case 'link-up':
        return linkUp(core, this.speaker(change.a), this.speaker(change.b));
      case 'peer-down':
        return peerDown(core, this.speaker(change.node), this.speaker(change.peer));
      case 'peer-up':
        return peerUp(core, this.speaker(change.node), this.speaker(change.peer));
      case 'blocks':
        return setBlocks(core, this.speaker(change.node), change.blocks, change.borrowed);
      case 'reconfigure':
        return reconfigure(core, change.configs);
    }
  }

  /** Names of all speakers (Calico nodes first when `nodesOnly`), sorted. */
  speakers(nodesOnly = true): string[] {
    const s = this.core.spk;
    const out: string[] = [];
    for (let y = 0; y < s.count; y++) if (!nodesOnly || s.isNode[y] === 1) out.push(this.nameOf(y));
    return out.sort();
  }

  /** The routes a speaker holds (prefixes sorted, best path first). */
  routes(name: string): RouteEntry[] {
    return nodeRoutes(this, this.speaker(name));
  }

  routeCounts(name: string): { prefixes: number; paths: number } {
    return routeCounts(this, this.speaker(name));
  }

  sessions(): SessionReport[] {
    return sessionReports(this);
  }

  sessionCounts(): { node: string; states: Record<string, number> }[] {
    return sessionCounts(this);
  }

  convergence(): ConvergenceRecord[] {
    return convergence(this);
  }

  blackholeWindows(): BlackholeWindow[] {
    return blackholeWindows(this);
  }

  /** Peerings that were ignored (a second peering of a node to the same remote). */
  warnings(): string[] {
    const s = this.core.spk;
    const out: string[] = [];
    for (let y = 0; y < s.count; y++) {
      for (const q of s.ignored[y] ?? []) out.push(`${this.nameOf(y)}: peering ${q.protocolName} to ${q.peerIp} ignored (another peering reaches the same remote)`);
    }
    return out;
  }

  /** Schedules a change at simulated time `at` (ms). */
  schedule(at: number, change: BgpChange): void {
    this.scheduled.push(change);
    this.core.sim.at(at, this.core.kinds.change, this.scheduled.length - 1, 0);
  }
}

function labelOf(c: BgpChange): string {
  switch (c.kind) {
    case 'node-down':
      return `node-down ${c.node} (${c.mode})`;
    case 'node-up':
      return `node-up ${c.node}`;
    case 'link-down':
      return `link-down ${c.a}–${c.b} (${c.mode ?? 'reset'})`;
    case 'link-up':
      return `link-up ${c.a}–${c.b}`;
    case 'peer-down':
      return `peer-down ${c.node}→${c.peer}`;
    case 'peer-up':
      return `peer-up ${c.node}→${c.peer}`;
    case 'blocks':
      return `blocks ${c.node}`;
    case 'reconfigure':
      return 'reconfigure';
  }
}
