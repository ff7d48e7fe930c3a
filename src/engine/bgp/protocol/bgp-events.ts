// engine/bgp: the event kinds of a BGP network, registered once on the Simulation. Every event carries
// two integers: an end (or profile) index and a generation / connection id / log position.
import type { BgpCore, BgpKinds } from '../bgp-core.js';
import { onFeed, onFlush, onUpdate } from './flush.js';
import { onConnect, onConnectBatch, onEstablish, onRefused, onRetry, onStartup, onSyn } from './fsm.js';
import { onGrTimeout, onHold, onNotify, onRst } from './session-teardown.js';

/** Registers the kinds; `onChange(i)` applies the i-th scheduled network change. */
export function registerKinds(core: BgpCore, onChange: (i: number) => void): BgpKinds {
  const sim = core.sim;
  const k = core.opt.kindPrefix;
  return {
    connect: sim.defineKind(`${k}.connect`, (a, b) => onConnect(core, a, b)),
    connectBatch: sim.defineKind(`${k}.connect-timers`, (a) => onConnectBatch(core, a)),
    startup: sim.defineKind(`${k}.startup`, (a, b) => onStartup(core, a, b)),
    syn: sim.defineKind(`${k}.syn`, (a, b) => onSyn(core, a, b)),
    refused: sim.defineKind(`${k}.refused`, (a, b) => onRefused(core, a, b)),
    retry: sim.defineKind(`${k}.retry`, (a, b) => onRetry(core, a, b)),
    estPassive: sim.defineKind(`${k}.established-acceptor`, (a, b) => onEstablish(core, a, b, true)),
    estActive: sim.defineKind(`${k}.established-initiator`, (a, b) => onEstablish(core, a, b, false)),
    hold: sim.defineKind(`${k}.hold-expired`, (a, b) => onHold(core, a, b)),
    gr: sim.defineKind(`${k}.restart-timeout`, (a, b) => onGrTimeout(core, a, b)),
    notifyCease: sim.defineKind(`${k}.cease`, (a, b) => onNotify(core, a, b, false)),
    notifyError: sim.defineKind(`${k}.notification`, (a, b) => onNotify(core, a, b, true)),
    rst: sim.defineKind(`${k}.tcp-reset`, (a, b) => onRst(core, a, b)),
    flush: sim.defineKind(`${k}.flush`, (a) => onFlush(core, a)),
    update: sim.defineKind(`${k}.update`, (a, b) => onUpdate(core, a, b)),
    feed: sim.defineKind(`${k}.feed`, (a, b) => onFeed(core, a, b)),
    change: sim.defineKind(`${k}.change`, (a) => onChange(a)),
  };
}
