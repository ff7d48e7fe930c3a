// cli: the sweep's progress bar on stderr (points done, elapsed and estimated time left), shown only
// when stderr is a terminal.
import cliProgress from 'cli-progress';

/** A progress reporter: `tick()` after each point, `stop()` at the end. */
export interface Progress {
  tick(): void;
  stop(): void;
}

/** A bar over `total` points (silent when stderr is not a TTY or `quiet`). */
export function sweepProgress(total: number, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'sweep [{bar}] {value}/{total} points | {duration_formatted} elapsed | ETA {eta_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
