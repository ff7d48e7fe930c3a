// cli: the worker process of a local sweep — receives point indices over IPC, runs each and sends back
// its outcome (or the error), until the parent disconnects.
import { InputError, formatDiagnostic } from '../../lib/diagnostics.js';
import { setLimits } from '../../lib/limits.js';
import { executePoint } from './execute-point.js';
import type { ChildMessage, ChildReply } from './child-protocol.js';

process.on('message', (msg: ChildMessage) => {
  let reply: ChildReply;
  try {
    setLimits(msg.limits);
    reply = { kind: 'done', index: msg.index, outcome: executePoint(msg.file, msg.index) };
  } catch (err) {
    const message = err instanceof InputError ? err.diagnostics.map(formatDiagnostic).join('\n') : err instanceof Error ? err.message : String(err);
    reply = { kind: 'error', index: msg.index, message };
  }
  process.send!(reply);
});
process.on('disconnect', () => process.exit(0));
