// cli: the list of subcommands, in the order `calisim --help` shows them.
import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { manifestsCommand } from './manifests.js';
import { reachCommand } from './reach.js';
import { runCommand } from './run.js';
import { selectCommand } from './select.js';
import { validateCommand } from './validate.js';

export const commands: readonly Command[] = [runCommand, validateCommand, checkCommand, diffCommand, reachCommand, selectCommand, manifestsCommand];
