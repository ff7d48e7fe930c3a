// cli: a termination signal (SIGTERM, SIGINT, SIGHUP) that arrives while an output is being put into place is
// held until the output is whole, then acted on: the process ends by that signal, so an interrupted run
// leaves the previous output or the new one, never a half-replaced folder or a stray temporary file.
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

let depth = 0;
let installed = false;
let caught: NodeJS.Signals | undefined;

/** Runs `fn` (synchronous) with termination signals held; a held signal is re-raised once the loop turns. */
export function withSignalsHeld<T>(fn: () => T): T {
  if (!installed) {
    for (const s of SIGNALS) process.on(s, hold);
    installed = true;
  }
  depth += 1;
  try {
    return fn();
  } finally {
    depth -= 1;
    // A signal that arrived during `fn` reaches `hold` in the event loop's next poll phase. `fn` may itself run
    // in a poll callback, whose check phase comes first: the release waits two check phases, so that a poll
    // phase has read the signal before the handlers go.
    if (depth === 0) setImmediate(() => setImmediate(() => depth === 0 && installed && release()));
  }
}

function hold(sig: NodeJS.Signals): void {
  caught ??= sig;
  if (depth === 0) release();
}

/** Restores the default dispositions, then re-raises a held signal so the process ends as it would have. */
function release(): void {
  for (const s of SIGNALS) process.off(s, hold);
  installed = false;
  const sig = caught;
  caught = undefined;
  if (sig !== undefined) process.kill(process.pid, sig);
}
