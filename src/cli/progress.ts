// cli: progress on stderr for commands that take more than a second — a cli-progress line showing the task,
// its latest step and the time so far, drawn only when stderr is a terminal and cleared when the task ends.
import { SingleBar } from 'cli-progress';

/** A task's progress: `step` names what is happening now; `done` clears the line. */
export interface Progress {
  step(message: string): void;
  done(): void;
}

const QUIET: Progress = { step: () => undefined, done: () => undefined };
/** Nothing is drawn before a task has run this long. */
const DELAY_MS = 1000;

/** Progress of `task`, or a silent one when `stream` (stderr) is not a terminal (or `quiet`). */
export function startProgress(task: string, quiet = false, stream: NodeJS.WriteStream = process.stderr, delayMs = DELAY_MS): Progress {
  if (quiet || stream.isTTY !== true) return QUIET;
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    step(message) {
      if (bar === undefined) {
        if (Date.now() - started < delayMs) return;
        bar = new SingleBar({ stream, format: `${task} | {message} | {duration}s`, clearOnComplete: true, hideCursor: true, fps: 10 });
        bar.start(1, 0, { message });
      }
      bar.update(0, { message });
    },
    done() {
      bar?.stop();
    },
  };
}
