import { describe, expect, it } from 'vitest';
import { BgpCore } from '../../../src/engine/bgp/bgp-core.js';
import { registerKinds } from '../../../src/engine/bgp/protocol/bgp-events.js';
import { resolveBgpOptions } from '../../../src/engine/bgp/types.js';
import { Simulation } from '../../../src/engine/simulation.js';

describe('connect timer batches', () => {
  /** A core whose batches and marker events record what fires, in order. */
  function recorder(): { core: BgpCore; sim: Simulation; fired: string[]; mark: number } {
    const sim = new Simulation({ seed: 1, log: false });
    const core = new BgpCore(sim, resolveBgpOptions({}), 1);
    const fired: string[] = [];
    core.kinds = {
      ...registerKinds(core, () => {}),
      connectBatch: sim.defineKind('test.batch', (b) => {
        const list = core.takeBatch(b);
        fired.push(`ends ${Array.from(list.view().filter((_, i) => i % 2 === 0)).join(',')}`);
        core.releaseBatch(list);
      }),
    };
    const mark = sim.defineKind('test.mark', (a) => fired.push(`mark ${a}`));
    return { core, sim, fired, mark };
  }

  it('fire timers armed back to back for one instant together, in arm order', () => {
    const { core, sim, fired } = recorder();
    for (const n of [4, 2, 9]) core.armConnect(n, 2000, 0);
    core.armConnect(7, 3000, 0);
    sim.run();
    expect(fired).toEqual(['ends 4,2,9', 'ends 7']);
  });

  it('keep the order of one event each when another event was scheduled between two timers', () => {
    const { core, sim, fired, mark } = recorder();
    core.armConnect(1, 2000, 0);
    sim.at(2000, mark, 5);
    core.armConnect(2, 2000, 0);
    core.armConnect(3, 2000, 0);
    sim.run();
    expect(fired).toEqual(['ends 1', 'mark 5', 'ends 2,3']);
  });
});
