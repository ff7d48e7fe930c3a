// engine/bgp: applying a new set of NodeBgpConfig (confd re-render + BIRD `configure`): protocols that
// disappear are shut down with Cease (peer de-configured), new ones start, a protocol whose options
// changed restarts (Cease "other configuration change"), and filter-only changes (blocks, pools, static
// routes) re-evaluate exports without touching sessions. New nodes join; nodes that disappear stop.
import { parseIpv4 } from '../../../lib/ipv4.js';
import { nodePeerings } from '../../../model/bgp/node-peerings.js';
import type { BgpPeering, NodeBgpConfig } from '../../../model/bgp/types.js';
import type { BgpCore } from '../bgp-core.js';
import { addNodeSpeaker } from './build.js';
import { sessionLatency } from './build.js';
import { assignClasses } from '../decision/class-assign.js';
import { nodeDown, nodeUp } from './changes.js';
import {
  C_ADD_PATH,
  C_CONFIGURED,
  C_DISABLED,
  C_MISMATCH,
  EB_CFG,
  EB_LISTEN,
  EB_PARK,
  EB_ST,
  EI_CONF,
  EI_GEN,
  EI_HOLD_GEN,
  EI_PROFILE,
  EI_SPK,
  EI_STARTUP_DELAY,
  END_B,
  END_I,
  ST_OPENSENT,
} from '../tables/end-table.js';
import { startEnd, wake } from '../protocol/fsm.js';
import { closeConnection, flushFrom, leaveEstablished, sendNotify } from '../protocol/session-teardown.js';
import { nodeOrigination, originate } from '../decision/origination.js';
import { appendDiff, filterOk } from '../decision/rib.js';
import {
  assignProfile,
  configureExternal,
  configureFromPeering,
  finishSession,
  refreshSpeakerFlags,
} from './session-config.js';
import type { IntList } from '../../../lib/containers/int-list.js';

/** Settings of end n that make BIRD restart the protocol when they change. */
function endSignature(core: BgpCore, n: number): string {
  const e = core.ends;
  const flags = (e.u8[n * END_B + EB_CFG] as number) & ~(C_ADD_PATH | C_MISMATCH | C_DISABLED);
  const c = e.conf(n);
  return [flags, c.clusterId, c.localAs, c.peerAs, c.holdCfg, c.kaCfg, c.grTime, c.nhMode, c.allowLocalAs].join('|');
}

/** Shuts end n down (Cease) and flushes what it learned; leaves it unconfigured when `remove`. */
function shutEnd(core: BgpCore, n: number, remove: boolean): void {
  const e = core.ends;
  if ((e.u8[n * END_B + EB_ST] as number) >= ST_OPENSENT) {
    sendNotify(core, n, false);
    closeConnection(core, n);
  }
  leaveEstablished(core, n);
  flushFrom(core, n);
  e.i32[n * END_I + EI_GEN]++;
  e.i32[n * END_I + EI_HOLD_GEN]++;
  e.setState(n, 0);
  e.u8[n * END_B + EB_LISTEN] = 0;
  e.u8[n * END_B + EB_PARK] = 0;
  if (remove) {
    e.u8[n * END_B + EB_CFG] = 0;
    const p = e.i32[n * END_I + EI_PROFILE] as number;
    if (p >= 0) (core.profiles.ends[p] as IntList).remove(n);
    e.i32[n * END_I + EI_PROFILE] = -1;
  }
}

/** Brings end n (freshly configured) up, with its external peer end if the remote is one. */
function bringUp(core: BgpCore, n: number): void {
  const e = core.ends;
  const m = n ^ 1;
  const r = e.i32[m * END_I + EI_SPK] as number;
  const spec = r >= 0 ? core.spk.extSpec[r] : undefined;
  if (spec !== undefined) {
    configureExternal(core, m, r, spec);
  }
  finishSession(core, n & ~1);
  assignProfile(core, n);
  if (((e.u8[m * END_B + EB_CFG] as number) & C_CONFIGURED) !== 0) assignProfile(core, m);
  e.i32[n * END_I + EI_STARTUP_DELAY] = 0;
  startEnd(core, n);
  if (spec !== undefined) startEnd(core, m);
  else wake(core, m);
}

function syncPeerings(core: BgpCore, y: number, cfg: NodeBgpConfig): void {
  const e = core.ends;
  const ips = core.byIpText.get(cfg.tenant);
  const wanted = new Map<number, BgpPeering>();
  for (const q of nodePeerings(cfg)) {
    const r = ips?.get(q.peerIp) ?? core.byIp.get(`${cfg.tenant}|${parseIpv4(q.peerIp)}`) ?? -1;
    if (r < 0 || r === y || wanted.has(r)) continue;
    wanted.set(r, q);
  }
  for (const n of (core.spk.ends[y] as IntList).view().slice()) {
    if (((e.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
    const r = e.i32[(n ^ 1) * END_I + EI_SPK] as number;
    if (r >= 0 && wanted.has(r)) continue;
    shutEnd(core, n, true);
    const m = n ^ 1;
    if (r >= 0 && core.spk.extSpec[r] !== undefined) shutEnd(core, m, true); // external peers follow the node
  }
  for (const [r, q] of wanted) {
    let n = core.endOf.get(y, r);
    if (n < 0) n = core.addSession(y, r, sessionLatency(core, y, r));
    if (((e.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) !== 0) {
      const before = endSignature(core, n);
      const saved = snapshotEnd(core, n);
      configureFromPeering(core, n, y, q);
      const after = endSignature(core, n);
      if (before === after) continue;
      restoreEnd(core, n, saved);
      shutEnd(core, n, false); // Cease: other configuration change
      configureFromPeering(core, n, y, q);
    } else configureFromPeering(core, n, y, q);
    bringUp(core, n);
  }
}

/** An end's flags and configuration id, to put back when a changed peering turns out not to change it. */
type EndSnapshot = readonly [number, number];

function snapshotEnd(core: BgpCore, n: number): EndSnapshot {
  const e = core.ends;
  return [e.u8[n * END_B + EB_CFG] as number, e.i32[n * END_I + EI_CONF] as number];
}

function restoreEnd(core: BgpCore, n: number, v: EndSnapshot): void {
  const e = core.ends;
  e.willChange(n);
  e.u8[n * END_B + EB_CFG] = v[0];
  e.i32[n * END_I + EI_CONF] = v[1];
}

/** Pools and static routes changed: move node y to its new filter profile and re-export. */
function refilterNode(core: BgpCore, y: number, cfg: NodeBgpConfig): void {
  const known = core.filters.count;
  const g = core.filters.intern(cfg.pools, cfg.serviceCidrs);
  if (g === core.spk.filterProfile[y]) return;
  const before = new Uint8Array(core.classes.count);
  for (let c = 0; c < before.length; c++) before[c] = filterOk(core, y, c) ? 1 : 0;
  const grew = core.filters.count > known;
  core.spk.filterProfile[y] = g;
  core.exportEpoch++;
  if (grew) assignClasses(core, Array.from({ length: core.classes.pCount }, (_, q) => q));
  const row = core.rows[y] as Int32Array;
  for (let c = 0; c < core.classes.count; c++) {
    let a = c;
    while (a >= before.length && (core.classes.parent[a] as number) >= 0) a = core.classes.parent[a] as number;
    const fo = a < before.length && before[a] === 1;
    const fn = filterOk(core, y, c);
    if (fo === fn || row[c] === 0) continue;
    for (const p of core.spk.profiles[y] as number[]) {
      if ((core.profiles.active[p] as number) > 0) appendDiff(core, p, c, row[c] as number, row[c] as number, fo, fn);
    }
  }
}

/** Applies the new configuration of every node at the current simulated time. */
export function reconfigure(core: BgpCore, configs: readonly NodeBgpConfig[]): void {
  core.exportEpoch++;
  core.holes.groupSpk.length = 0; // new speakers may own next-hop addresses that were unknown
  const wanted = new Map(configs.map((c) => [`${c.tenant}/${c.node}`, c]));
  for (let y = 0; y < core.spk.count; y++) {
    if (core.spk.isNode[y] === 0 || wanted.has(`${core.spk.tenant[y]}/${core.spk.name[y]}`)) continue;
    nodeDown(core, y, 'clean');
    for (const n of (core.spk.ends[y] as IntList).view()) shutEnd(core, n, true);
  }
  const ys: number[] = [];
  for (const cfg of configs) {
    let y = core.byName.get(`${cfg.tenant}/${cfg.node}`) ?? -1;
    if (y < 0) {
      y = addNodeSpeaker(core, cfg);
      core.spk.local[y] = new Map();
    } else {
      const rid = parseIpv4(cfg.routerId);
      const cid = cfg.routeReflectorClusterId !== undefined ? parseIpv4(cfg.routeReflectorClusterId) : -1;
      if (rid !== core.spk.rid[y] || cfg.asNumber !== core.spk.asn[y] || cid !== core.spk.clusterId[y]) {
        // Router id / AS change: BIRD restarts every protocol.
        nodeDown(core, y, 'clean');
        core.spk.rid[y] = rid;
        core.spk.asn[y] = cfg.asNumber;
        core.spk.clusterId[y] = cid;
        nodeUp(core, y);
      }
    }
    ys.push(y);
  }
  configs.forEach((cfg, i) => syncPeerings(core, ys[i] as number, cfg));
  refreshSpeakerFlags(core);
  configs.forEach((cfg, i) => {
    const y = ys[i] as number;
    refilterNode(core, y, cfg);
    core.spk.nodeConfig[y] = { ...cfg, peers: [] };
    originate(core, y, nodeOrigination(core, y, cfg.blocks, cfg.borrowed, cfg.serviceCidrs));
  });
}
