// bench: building a BGP network from configurations generated before the clock starts, without keeping
// them alive afterwards. Called from the measuring frame, `new BgpNetwork(sim, cfgs)` leaves the
// configuration in that frame's argument registers (V8 scans interpreter frames whole), so 200 MB of
// peering objects (B5) stay live and are marked again by every full GC of the run.
import { BgpNetwork } from '../src/engine/bgp/bgp-network.js';
import type { Simulation } from '../src/engine/simulation.js';
import type { NodeBgpConfig } from '../src/model/bgp/types.js';

/** A configuration handed over once. */
export interface HeldConfigs {
  cfgs: NodeBgpConfig[] | null;
}

/** Builds the network from `held` and empties it. */
export function buildTaking(sim: Simulation, held: HeldConfigs): BgpNetwork {
  const cfgs = held.cfgs;
  if (cfgs === null) throw new Error('configuration already taken');
  held.cfgs = null;
  return new BgpNetwork(sim, cfgs);
}
