// The history recorder reads only the ends and nodes the engine announces as changing; the reference reads
// every node and every session end after each event time of a second run of the same model and seed (the
// recorder's former scan), and both must stamp the same changes at the same times, whatever points the
// recording is advanced through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advancePlatform, createPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { C_CONFIGURED, EB_CFG, EB_ST, EI_SPK, END_B, END_I, KIND_NAMES } from '../../../src/engine/bgp/tables/end-table.js';
import { recordHistory, type RunHistory } from '../../../src/emit/viz/record-history.js';
import type { IntList } from '../../../src/lib/containers/int-list.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

const model = buildModel(loadScenario('scenarios/giantnetes.yaml'));
/** Past the node-down (90 s) and node-up (6 m) events. */
const END = 7 * 60_000;

/** A recorded history with its session ends as one object each, as the reference builds them. */
interface EndObjects {
  readonly nodeUp: number[][];
  readonly ends: { readonly end: number; readonly speaker: number; readonly remote: number; readonly kind: string; readonly states: number[] }[];
}

function asObjects(h: RunHistory): EndObjects {
  const { end, speaker, remote, kind, states } = h.ends;
  return { nodeUp: h.nodeUp, ends: Array.from(end, (n, k) => ({ end: n, speaker: speaker[k]!, remote: remote[k]!, kind: KIND_NAMES[kind[k]!]!, states: [...states.arrays[states.group[k]!]!] })) };
}

/** Reads every node and session end after each event time up to `until`. */
function scanHistory(run: PlatformRun, until: number): EndObjects {
  const nodeUp = run.model.nodes.map((_, i) => [0, run.nodeUp[i]!]);
  const index = new Map<number, number>();
  const ends: EndObjects['ends'][number][] = [];
  const { spk, ends: table } = run.bgp.net.core;
  const read = (now: number): void => {
    const t = Math.ceil(now);
    run.nodeUp.forEach((up, i) => {
      const h = nodeUp[i]!;
      if (h[h.length - 1] !== up) h.push(t, up);
    });
    for (let y = 0; y < spk.count; y++) {
      if (spk.isNode[y] !== 1) continue;
      for (const n of (spk.ends[y] as IntList).view()) {
        if (((table.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
        const state = spk.alive[y] === 1 ? (table.u8[n * END_B + EB_ST] as number) : -1;
        const k = index.get(n);
        if (k === undefined) {
          index.set(n, ends.length);
          const remote = table.i32[(n ^ 1) * END_I + EI_SPK] as number;
          ends.push({ end: n, speaker: y, remote, kind: KIND_NAMES[table.conf(n).kind] as string, states: [t, state] });
        } else {
          const h = ends[k]!.states;
          if (h[h.length - 1] !== state) h.push(t, state);
        }
      }
    }
  };
  read(run.sim.now);
  while (run.sim.queue.size > 0 && run.sim.queue.peekTime() <= until) {
    const next = run.sim.queue.peekTime();
    advancePlatform(run, next);
    read(next);
  }
  return { nodeUp, ends };
}

describe('recordHistory', () => {
  const reference = scanHistory(createPlatform(model), END);

  it('records the session ends and nodes that changed, and when, as a scan after every event time does', () => {
    const changes = reference.ends.reduce((sum, e) => sum + e.states.length / 2 - 1, 0);
    expect(changes).toBeGreaterThan(100);
    expect(reference.ends.some((e) => e.states.includes(-1))).toBe(true);
    const recorder = recordHistory(createPlatform(model), 30_000, () => undefined);
    recorder.advance(END);
    const h = recorder.finish();
    expect(asObjects(h)).toEqual(reference);
    // Equal histories share one group and distinct groups hold distinct histories (the packer relies on it).
    const texts = h.ends.states.arrays.map((a) => JSON.stringify(a));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeLessThan(h.ends.end.length);
  });

  it('records the same history whatever points the run is advanced through', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: END }), { maxLength: 6 }), (points) => {
        const recorder = recordHistory(createPlatform(model), 30_000, () => undefined);
        for (const p of [...points].sort((a, b) => a - b)) recorder.advance(p);
        recorder.advance(END);
        expect(asObjects(recorder.finish())).toEqual(reference);
      }),
      { seed: 14, numRuns: 4 },
    );
  });

  it('stops announcing changes once finished', () => {
    const run = createPlatform(model);
    recordHistory(run, 0, () => undefined).finish();
    expect(run.bgp.net.core.ends.beforeChange).toBeNull();
    expect(run.beforeNodeChange).toBeNull();
  });
});
