// engine/bgp: garbage collection of path sets. Transitions create sets that later fall out of every RIB
// cell (a growing ECMP set leaves one intermediate per step); when the pool has grown well past what was
// live at the last collection, the live sets are kept, renumbered, and every cached set id is dropped.
import type { BgpCore } from '../bgp-core.js';
import { E_OLD, ENTRY } from './update-log.js';

const MIN_POOL = 1 << 22;

/** Collects unreachable sets when the pool passed its threshold. Call only between events. */
export function maybeCollectSets(core: BgpCore): void {
  const sets = core.sets;
  if (sets.poolUsed < core.setGcAt) return;
  const live = new Uint8Array(sets.setCount);
  live[0] = 1;
  const { rows, cellLo, cellHi } = core;
  for (let y = 0; y < rows.length; y++) {
    const row = rows[y] as Int32Array;
    for (let c = cellLo[y] as number, hi = cellHi[y] as number; c < hi; c++) live[row[c] as number] = 1;
  }
  const remap = sets.compact(live);
  for (let y = 0; y < rows.length; y++) {
    const row = rows[y] as Int32Array;
    for (let c = cellLo[y] as number, hi = cellHi[y] as number; c < hi; c++) row[c] = remap[row[c] as number] as number;
  }
  core.profiles.clearCaches();
  const a = core.feedArena;
  for (let pos = 0; pos < core.feedHead; pos += 1 + (a[pos] as number) * ENTRY) {
    for (let i = pos + 1; i < pos + 1 + (a[pos] as number) * ENTRY; i += ENTRY) a[i + E_OLD] = -1;
  }
  core.setGcAt = Math.max(MIN_POOL, 4 * sets.poolUsed);
}
