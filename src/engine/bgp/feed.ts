// engine/bgp: the initial feed of a newly established session (BIRD rt_feed_baby + End-of-RIB): every
// route the speaker currently exports to that peer, as a private batch sent ahead of later log entries.
import type { BgpCore } from './bgp-core.js';
import { exportAttr, filterOk, onlyOpen } from './rib.js';
import { bestOf } from './set-decision.js';
import { P_ADD_PATH } from './update-log.js';

/** Builds the feed of end n in the feed arena and returns its position. */
export function buildFeed(core: BgpCore, n: number): number {
  const { ends, classes } = core;
  const p = ends.profile[n] as number;
  const y = ends.spk[n] as number;
  const remote = ends.spk[n ^ 1] as number;
  const addPath = ((core.profiles.flags[p] as number) & P_ADD_PATH) !== 0;
  const pos = core.beginFeed();
  // An IBGP non-client session only ever gets local and EBGP-learned paths: scan just those classes.
  if (onlyOpen(core, p)) for (const c of core.spk.openClasses[y] as Set<number>) feedClass(core, pos, p, y, remote, addPath, c);
  else for (let c = 0; c < classes.count; c++) feedClass(core, pos, p, y, remote, addPath, c);
  return pos;
}

function feedClass(core: BgpCore, pos: number, p: number, y: number, remote: number, addPath: boolean, c: number): void {
  const sets = core.sets;
  const set = (core.rows[y] as Int32Array)[c] as number;
  if (set === 0 || !filterOk(core, y, c)) return;
  const seq = core.classes.splitSeq;
  if (addPath) {
    const o = sets.off[set] as number;
    const k = sets.len[set] as number;
    for (let i = 0; i < k; i++) {
      const e = sets.pool[o + i] as number;
      const from = sets.fromOf(e);
      if (from === remote) continue;
      const a = exportAttr(core, p, e);
      if (a >= 0) core.pushFeed(pos, c, sets.elemSlot[e] as number, a, from, seq);
    }
  } else {
    const b = bestOf(core, set);
    if (b < 0 || sets.fromOf(b) === remote) return;
    const a = exportAttr(core, p, b);
    if (a >= 0) core.pushFeed(pos, c, 0, a, sets.fromOf(b), seq);
  }
}
