// cli: `calisim validate FILE` — parse and validate a scenario (or manifests) and report every problem.
import { formatDiagnostic } from '../../lib/diagnostics.js';
import { buildModel } from '../../model/build-model.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { modelProblems, throwErrors } from '../model-problems.js';

export const validateCommand: Command = {
  command: 'validate <file>',
  describe: 'Check a scenario or a folder of manifests; exit 0 when valid, 2 with every problem listed',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'scenario YAML, manifest file or folder of manifests' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const file = optString(args, 'file') as string;
    const scenario = loadScenario(file);
    // Model-level checks (underlay, IPAM, BGP resources as confd reads them) and the policies, initial and
    // applied by events: the same ones `run` makes.
    const { problems } = modelProblems(buildModel(scenario));
    throwErrors(problems);
    if (optString(args, 'format') === 'json') {
      const out = {
        valid: true,
        name: scenario.name,
        tenants: scenario.tenants.length,
        events: scenario.events.length,
        warnings: [...scenario.warnings, ...problems],
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    } else {
      for (const w of [...scenario.warnings, ...problems]) process.stderr.write(formatDiagnostic(w) + '\n');
      const nodes = scenario.tenants.reduce((n, t) => n + t.nodes.length, 0);
      process.stdout.write(
        `${file}: valid — scenario ${scenario.name}: ${scenario.tenants.length} tenant(s), ${nodes} node(s), ${scenario.events.length} event(s)\n`,
      );
    }
    return 0;
  },
};
