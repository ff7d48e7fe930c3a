// cli: `calisim routes SCENARIO [--node NAME] [--at T]` — every node's RIB: each prefix with all its
// candidate paths (peer, next hop, AS path, origin, MED, local preference) and the best one marked.
import { didYouMean } from '../../scenario/schema/did-you-mean.js';
import { routesJson } from '../../verdict/routes/routes-json.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadRun } from '../load/load-run.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';

/** Without --at, routes are shown once the initial sessions have come up and exchanged routes. */
export const SETTLED = '30s';

export const routesCommand: Command = {
  command: 'routes [scenario..]',
  describe: "Each node's BGP routes (RIB) at a point of the timeline, best paths marked",
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders' })
      .option('node', { type: 'string', array: true, describe: 'only these nodes (tenant/node, or a management host)' })
      .option('at', { type: 'string', describe: `simulated time (default ${SETTLED}, once the initial BGP sessions have exchanged routes)` })
      .option('external', { type: 'boolean', default: false, describe: 'also list external peers' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    if (optStrings(args, 'node').length) refuseGiven(args, ['external'], '--node lists only the nodes named (an external peer is not a node)');
    const loaded = loadRun(inputFiles(args, 'scenario'), optString(args, 'at') ?? SETTLED, inputOptions(args));
    const { run } = loaded;
    const wanted = optStrings(args, 'node').map((n) => {
      const id = run.model.nodeByName.get(n);
      if (id === undefined) throw new UsageError(`--node ${n}: no such node (write tenant/node, or a management host name)${didYouMean(n, run.model.nodeByName.keys())}`);
      return run.bgp.speakerOf(id);
    });
    const doc = routesJson(run.bgp.net, { includeExternal: args['external'] === true, ...(wanted.length ? { nodes: wanted } : {}) });
    const format = docFormat(args);
    if (format) {
      printDoc(doc, format, loaded);
      return 0;
    }
    for (const n of doc.nodes) {
      process.stdout.write(`${n.name}: ${n.routes.length} prefix(es)\n`);
      for (const r of n.routes) {
        for (const p of r.paths) {
          const attrs = `as-path [${p.asPath.join(' ')}] ${p.origin}${p.med !== null ? ` med ${p.med}` : ''} local-pref ${p.localPref}`;
          process.stdout.write(`  ${p.best ? '*' : ' '} ${r.prefix.padEnd(18)} via ${p.nextHop.padEnd(15)} from ${p.peer.padEnd(20)} ${attrs}\n`);
        }
      }
    }
    return 0;
  },
};
