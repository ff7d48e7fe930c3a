// engine/bgp: the initial feed of a newly established session (BIRD rt_feed_baby + End-of-RIB): every
// route the speaker currently exports over that kind of session, as a batch sent ahead of later log
// entries. A feed is the same for every end of a profile while the speaker's exportable RIB is unchanged
// (poison reverse is applied by the receiver), so ends established together share one.
import type { BgpCore } from '../bgp-core.js';
import { exportAttr, filterOk, onlyOpen } from '../decision/rib.js';
import { bestOf } from '../decision/set-decision.js';
import { P_ADD_PATH } from '../tables/update-log.js';
import { EI_PROFILE, EI_SPK, END_I } from '../tables/end-table.js';

/** The feed for end n in the feed arena (built or shared); returns its position. */
export function buildFeed(core: BgpCore, n: number): number {
  const { ends } = core;
  const P = core.profiles;
  const p = ends.i32[n * END_I + EI_PROFILE] as number;
  const y = ends.i32[n * END_I + EI_SPK] as number;
  const only = onlyOpen(core, p);
  const version = only ? (core.openVersion[y] as number) : (core.ribVersion[y] as number);
  if (P.feedPos[p] >= 0 && P.feedEpoch[p] === core.feedEpoch && P.feedVersion[p] === version && P.feedExport[p] === core.exportEpoch) {
    core.feedLive++;
    return P.feedPos[p] as number;
  }
  const addPath = ((P.flags[p] as number) & P_ADD_PATH) !== 0;
  const pos = core.beginFeed();
  // An IBGP non-client session only ever gets local and EBGP-learned paths: scan just those classes.
  if (only) for (const c of core.spk.openClasses[y] as Set<number>) feedClass(core, pos, p, y, addPath, c);
  else for (let c = core.cellLo[y] as number, hi = core.cellHi[y] as number; c < hi; c++) feedClass(core, pos, p, y, addPath, c);
  P.feedPos[p] = pos;
  P.feedEpoch[p] = core.feedEpoch;
  P.feedVersion[p] = version;
  P.feedExport[p] = core.exportEpoch;
  return pos;
}

function feedClass(core: BgpCore, pos: number, p: number, y: number, addPath: boolean, c: number): void {
  const sets = core.sets;
  const set = (core.rows[y] as Int32Array)[c] as number;
  if (set === 0 || !filterOk(core, y, c)) return;
  const seq = core.classes.splitSeq;
  if (addPath) {
    const o = sets.off[set] as number;
    const k = sets.len[set] as number;
    for (let i = 0; i < k; i++) {
      const e = sets.pool[o + i] as number;
      const a = exportAttr(core, p, e);
      if (a >= 0) core.pushFeed(pos, c, sets.elemSlot[e] as number, a, sets.fromOf(e), seq);
    }
  } else {
    const b = bestOf(core, set);
    if (b < 0) return;
    const a = exportAttr(core, p, b);
    if (a >= 0) core.pushFeed(pos, c, 0, a, sets.fromOf(b), seq);
  }
}
