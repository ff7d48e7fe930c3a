// cli: `calisim bgp SCENARIO [--at T]` — each BGP session's state, uptime, routes received and sent, the
// convergence time after each change and the windows in which destinations were unreachable.
import { bgpJson } from '../../verdict/routes/bgp-json.js';
import { bgpText } from '../../verdict/routes/bgp-text.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadRun } from '../load/load-run.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';
import { SETTLED } from './routes.js';

export const bgpCommand: Command = {
  command: 'bgp [scenario..]',
  describe: 'BGP sessions (state, uptime, routes received/sent), convergence and blackhole windows',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders' })
      .option('at', { type: 'string', describe: `simulated time (default ${SETTLED}); the scenario's events up to then apply` })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const loaded = loadRun(inputFiles(args, 'scenario'), optString(args, 'at') ?? SETTLED, inputOptions(args));
    const net = loaded.run.bgp.net;
    const doc = docFormat(args);
    if (doc) printDoc(bgpJson(net), doc, loaded);
    else process.stdout.write(bgpText(net));
    return 0;
  },
};
