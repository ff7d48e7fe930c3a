// cli: `calisim validate FILE...` — parse and validate a scenario (or manifests) and report every problem:
// the same loading path as every other command (src/cli/load/load-input.ts), then the model-level checks.
import { planNodes } from '../../model/plan-nodes.js';
import type { Command } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadInput } from '../load/load-input.js';
import { bgpProblems, throwErrors } from '../load/model-problems.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';

export const validateCommand: Command = {
  command: 'validate [file..]',
  describe: 'Check a scenario or a folder of manifests; exit 0 when valid, 2 with every problem listed',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('file', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const files = inputFiles(args, 'file');
    const input = loadInput(files, inputOptions(args));
    const { scenario } = input;
    // Model-level checks (underlay, VM placement, IPAM configuration: what buildModel refuses, in its node
    // plan), and the BGP resources as confd reads them. Workloads are not placed nor the platform started:
    // neither checks anything more.
    throwErrors(bgpProblems(planNodes(scenario)));
    const format = docFormat(args);
    if (format) {
      printDoc({ valid: true, name: scenario.name, tenants: scenario.tenants.length, events: scenario.events.length }, format, input);
    } else {
      const nodes = scenario.tenants.reduce((n, t) => n + t.nodes.length, 0);
      process.stdout.write(
        `${files.join(' ')}: valid — scenario ${scenario.name}: ${scenario.tenants.length} tenant(s), ${nodes} node(s), ${scenario.events.length} event(s)\n`,
      );
    }
    return 0;
  },
};
