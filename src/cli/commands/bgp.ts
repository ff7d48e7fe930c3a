// cli: `calisim bgp SCENARIO [--at T]` — each BGP session's state, uptime, routes received and sent, the
// convergence time after each change and the windows in which destinations were unreachable.
import { bgpJson } from '../../verdict/routes/bgp-json.js';
import { bgpText } from '../../verdict/routes/bgp-text.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { loadRun } from '../load-run.js';
import { SETTLED } from './routes.js';

export const bgpCommand: Command = {
  command: 'bgp <scenario>',
  describe: 'BGP sessions (state, uptime, routes received/sent), convergence and blackhole windows',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario YAML' })
      .option('at', { type: 'string', describe: `simulated time (default ${SETTLED}); the scenario's events up to then apply` })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const run = loadRun(optStrings(args, 'scenario'), optString(args, 'at') ?? SETTLED);
    const net = run.bgp.net;
    process.stdout.write(optString(args, 'format') === 'json' ? JSON.stringify(bgpJson(net), null, 2) + '\n' : bgpText(net));
    return 0;
  },
};
