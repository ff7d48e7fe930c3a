// cli: `calisim validate FILE` — parse and validate a scenario (or manifests) and report every problem.
import { runPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import { InputError, formatDiagnostic, type Diagnostic } from '../../lib/diagnostics.js';
import { buildModel } from '../../model/build-model.js';
import { buildPolicyModel } from '../../model/policy/build-policy-model.js';
import { policyInputOf } from '../../verdict/state/policy-input.js';
import { bgpConfigsOf } from '../../verdict/state/bgp-configs.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';

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
    // Model-level checks (underlay, IPAM, BGP resources as confd reads them) and the policies, initial and applied by events.
    const run = runPlatform(buildModel(scenario), { until: 0 });
    const bgp = run.model.clusters.flatMap((_, ci) => bgpConfigsOf(run, ci).diagnostics);
    const problems = [...policyModelsOf(run).diagnostics, ...eventPolicyDiagnostics(run), ...bgp];
    const errors = problems.filter((d) => d.severity === 'error');
    if (errors.length) throw new InputError(errors);
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

/** Problems in the manifests of policy-apply events, checked against their cluster's objects at start. */
function eventPolicyDiagnostics(run: PlatformRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ev of run.model.scenario.events) {
    if (ev.kind !== 'policy-apply' || !ev.policies?.length) continue;
    const ci = ev.tenant !== undefined ? run.model.clusterByName.get(ev.tenant) : run.model.management;
    if (ci === undefined || ci < 0) continue;
    const input = policyInputOf(run, ci);
    out.push(...buildPolicyModel({ ...input, manifests: ev.policies }).diagnostics);
  }
  return out;
}
