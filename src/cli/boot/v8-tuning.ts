// cli (start-up): V8's optimising-compiler heuristics set for a command that lives a few seconds. With Node's
// defaults, TurboFan compiled ~570 functions in one `run scenarios/large.yaml`, inlining up to 920 bytecodes into
// each (buildUniverse alone took ~460 ms of compiling): its background threads spent about as much CPU as the
// command's own thread (2.1 s beside 2.0 s), which a busy two-core machine pays in wall time. Inlining less and
// optimising a function only once it has run longer halve that compiling, and the command's thread runs as fast
// (bench/ B21 and B12, measured both ways: see the README). Set before the bundle is compiled: the code cache is made and read
// under the same flags (V8 rejects a cache made under others).
import { setFlagsFromString } from 'node:v8';

/** The flags, each a compiler heuristic (never a GC or memory-layout flag: those cannot change in a running V8). */
export const V8_TUNING: readonly string[] = ['--max-inlined-bytecode-size-cumulative=200', '--interrupt-budget=150000'];

/** Applies V8_TUNING unless CALISIM_V8_DEFAULTS=1 asks for V8's defaults (to compare the two). */
export function tuneV8(env: NodeJS.ProcessEnv = process.env): void {
  if (env['CALISIM_V8_DEFAULTS'] === '1') return;
  for (const flag of V8_TUNING) setFlagsFromString(flag);
}

/**
 * The node options of a child process running calisim code (a local sweep's point worker): the parent's, plus
 * V8_TUNING unless CALISIM_V8_DEFAULTS=1. A sweep's points are small and many, each child compiles the same code
 * again, and two children on two cores have no spare core for TurboFan's threads (B18: 64 points with 1 and 2
 * workers, 1.00 / 1.10 s -> 0.83 / 0.79 s).
 */
export function childExecArgv(env: NodeJS.ProcessEnv = process.env): string[] {
  return env['CALISIM_V8_DEFAULTS'] === '1' ? [...process.execArgv] : [...process.execArgv, ...V8_TUNING];
}
