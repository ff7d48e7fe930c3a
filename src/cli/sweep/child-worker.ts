// cli: one worker process running sweep points one at a time over IPC — forked on first use, reused for
// every point after; the CPU-bound simulation stays out of the calling process (which keeps its queue
// locks renewed, or its progress bar moving).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import { UsageError } from '../usage-error.js';
import { childExecArgv } from '../boot/v8-tuning.js';
import { limits } from '../../lib/limits.js';
import type { ChildMessage, ChildReply, ChildRequest } from './child-protocol.js';

/** The worker script beside this module (.ts when running from source under tsx, .js from dist). */
function childScript(): string {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`./point-child${ext}`, import.meta.url));
}

export class ChildWorker {
  private child: ChildProcess | undefined;

  /** Runs one point in the child; rejects with the point's error, or when the child dies. */
  run(req: ChildRequest): Promise<PointOutcome> {
    const child = this.child ?? this.start();
    return new Promise((resolve, reject) => {
      const onMessage = (reply: ChildReply): void => {
        if (reply.index !== req.index) return;
        cleanup();
        if (reply.kind === 'done') resolve(reply.outcome);
        else reject(new UsageError(`point ${reply.index} failed:\n${reply.message}`));
      };
      const onExit = (code: number | null, signal: string | null): void => {
        cleanup();
        this.child = undefined;
        reject(new UsageError(`the worker process running point ${req.index} died (${signal ?? `exit ${code}`})`));
      };
      const cleanup = (): void => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      const msg: ChildMessage = { ...req, limits: limits() };
      child.send(msg);
    });
  }

  /** Lets the child exit. */
  close(): void {
    if (this.child?.connected) this.child.disconnect();
    this.child = undefined;
  }

  private start(): ChildProcess {
    this.child = fork(childScript(), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: childExecArgv() });
    return this.child;
  }
}
