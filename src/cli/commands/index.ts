// cli: the list of subcommands, in the order `calisim --help` shows them.
import type { Command } from '../command.js';
import { bgpCommand } from './bgp.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { emulateCommand } from './emulate.js';
import { manifestsCommand } from './manifests.js';
import { pkiCommand } from './pki.js';
import { planCommand } from './plan.js';
import { sweepCommand } from './sweep.js';
import { sweepPointCommand } from './sweep-point.js';
import { reachCommand } from './reach.js';
import { requestCommand } from './request.js';
import { routesCommand } from './routes.js';
import { runCommand } from './run.js';
import { selectCommand } from './select.js';
import { traceCommand } from './trace.js';
import { validateCommand } from './validate.js';
import { vizCommand } from './viz.js';
import { workerCommand } from './worker.js';

export const commands: readonly Command[] = [runCommand, validateCommand, checkCommand, diffCommand, reachCommand, selectCommand, traceCommand, requestCommand, routesCommand, bgpCommand, manifestsCommand, pkiCommand, vizCommand, planCommand, sweepCommand, sweepPointCommand, workerCommand, emulateCommand];
