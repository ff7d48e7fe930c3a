// engine: the discrete-event core — a clock, the (time, sequence) queue, integer event kinds with one
// handler each, the seeded PRNG passed explicitly, and the event log. Protocol modules (BGP, IPAM,
// health checks, timeline) register kinds and handlers; nothing here knows about networks.
import { Prng } from '../lib/random/prng.js';
import { EventLog } from './event-log.js';
import { EventQueue } from './event-queue.js';

/** Handles one event; `a` and `b` are the two integer arguments it was scheduled with. */
export type EventHandler = (a: number, b: number, sim: Simulation) => void;

/** Why a run stopped. */
export type StopReason = 'quiescent' | 'horizon' | 'event-limit';

/** Outcome of `Simulation.run`. */
export interface RunStats {
  readonly processed: number;
  readonly endTime: number;
  readonly reason: StopReason;
  readonly pending: number;
}

/** Options of a simulation: the seed of its single PRNG and the event-log bound. */
export interface SimulationOptions {
  readonly seed: number;
  readonly logLimit?: number;
  /** Set false to skip logging (benchmarks). */
  readonly log?: boolean;
}

/** A deterministic discrete-event simulation. Times are milliseconds of simulated time. */
export class Simulation {
  readonly queue = new EventQueue();
  readonly prng: Prng;
  readonly log: EventLog;
  private readonly logging: boolean;
  private readonly handlers: EventHandler[] = [];
  private readonly names: string[] = [];
  /** Current simulated time (ms). Declared as -0, which V8 can only hold as a double, and set to 0 in the
   *  constructor: a field first given a small integer becomes a double at the first fractional event time,
   *  which deprecates the object's shape and deoptimises every compiled function that reads the clock. */
  now = -0;
  /** Events processed so far over all runs. */
  processed = 0;

  constructor(options: SimulationOptions) {
    this.prng = new Prng(options.seed);
    this.log = new EventLog(options.logLimit);
    this.logging = options.log ?? true;
    this.now = 0;
  }

  /** Registers an event kind by name with its handler; returns the integer kind. */
  defineKind(name: string, handler: EventHandler): number {
    if (this.names.includes(name)) throw new Error(`event kind ${name} is already defined`);
    this.handlers.push(handler);
    this.names.push(name);
    return this.handlers.length - 1;
  }

  /** The name of an event kind. */
  kindName(kind: number): string {
    return this.names[kind] ?? `kind#${kind}`;
  }

  /** Schedules an event at an absolute time (never before now). Returns its sequence number. */
  at(time: number, kind: number, a = 0, b = 0): number {
    if (!(time >= this.now)) throw new Error(`cannot schedule ${this.kindName(kind)} at ${time} before now (${this.now})`);
    return this.queue.push(time, kind, a, b);
  }

  /** Schedules an event `delay` ms from now. */
  after(delay: number, kind: number, a = 0, b = 0): number {
    return this.at(this.now + delay, kind, a, b);
  }

  /** Runs until the queue is empty, the next event lies beyond `until`, or `maxEvents` were processed. */
  run(until = Infinity, maxEvents = Infinity): RunStats {
    const q = this.queue;
    const handlers = this.handlers;
    let count = 0;
    let reason: StopReason = 'quiescent';
    for (;;) {
      if (count >= maxEvents) {
        if (q.size > 0) reason = q.peekTime() > until ? 'horizon' : 'event-limit';
        break;
      }
      if (!q.popUntil(until)) {
        if (q.size > 0) reason = 'horizon';
        break;
      }
      this.now = q.time;
      const kind = q.kind;
      const a = q.a;
      const b = q.b;
      if (this.logging) this.log.append(this.now, kind, a, b);
      (handlers[kind] as EventHandler)(a, b, this);
      count++;
    }
    // A run to a finite horizon ends at the horizon, whether the queue ran dry before it or not.
    if (reason !== 'event-limit' && until !== Infinity && this.now < until) this.now = until;
    this.processed += count;
    return { processed: count, endTime: this.now, reason, pending: q.size };
  }
}
