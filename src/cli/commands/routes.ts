// cli: `calisim routes SCENARIO [--node NAME] [--at T]` — every node's RIB: each prefix with all its
// candidate paths (peer, next hop, AS path, origin, MED, local preference) and the best one marked.
import { routesJson } from '../../verdict/routes/routes-json.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { loadRun } from '../load-run.js';
import { UsageError } from '../usage-error.js';

export const routesCommand: Command = {
  command: 'routes <scenario>',
  describe: "Each node's BGP routes (RIB) at a point of the timeline, best paths marked",
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario YAML' })
      .option('node', { type: 'string', array: true, describe: 'only these nodes (tenant/node, or a management host)' })
      .option('at', { type: 'string', describe: 'simulated time (default: 0 plus the time BGP needs to settle, see --settle)' })
      .option('external', { type: 'boolean', default: false, describe: 'also list external peers' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const run = loadRun(optStrings(args, 'scenario'), optString(args, 'at') ?? SETTLED);
    const wanted = optStrings(args, 'node').map((n) => {
      const id = run.model.nodeByName.get(n);
      if (id === undefined) throw new UsageError(`--node ${n}: no such node (write tenant/node, or a management host name)`);
      return run.bgp.speakerOf(id);
    });
    const doc = routesJson(run.bgp.net, { includeExternal: args['external'] === true, ...(wanted.length ? { nodes: wanted } : {}) });
    if (optString(args, 'format') === 'json') {
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
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

/** Without --at, routes are shown once the initial sessions have come up and exchanged routes. */
export const SETTLED = '30s';
