// cli: `calisim manifests SCENARIO -o DIR [--at T]` — write the real configuration the simulation ran:
// per cluster a folder with Calico resources, each node's BIRD configuration, the Kubernetes objects
// and, for a flannel underlay, its net-conf.json and each host's subnet.env.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderFlannelConfigMap, renderNetConf, renderSubnetEnv } from '../../emit/flannel/render-flannel-config.js';
import { renderKubernetesManifests } from '../../emit/kubernetes/render-kubernetes-manifests.js';
import { manifestFiles, safeName, type ManifestFile } from '../../emit/manifest-files.js';
import { formatDiagnostic, InputError } from '../../lib/diagnostics.js';
import { formatCidr } from '../../lib/ipv4.js';
import { bgpConfigsOf } from '../../verdict/state/bgp-configs.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { displayPath } from '../display-path.js';
import { loadRun } from '../load-run.js';
import { writeTreeAtomic } from '../write-output.js';

export const manifestsCommand: Command = {
  command: 'manifests <scenario>',
  describe: 'Write the Calico, BIRD, Kubernetes and flannel configuration of every cluster, a folder each',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario YAML or folder of manifests' })
      .option('o', { alias: 'out', type: 'string', default: 'out/manifests', describe: 'output folder' })
      .option('at', { type: 'string', describe: 'simulated time of the state to emit (default 0)' })
      .option('force', { type: 'boolean', default: false, describe: 'replace an output folder that is not a previous manifests output' })
      .option('quiet', { type: 'boolean', default: false }),
  async run(args) {
    const run = loadRun(optStrings(args, 'scenario'), optString(args, 'at'));
    const out = optString(args, 'o') ?? 'out/manifests';
    const files: ManifestFile[] = [];
    const write = (dir: string, file: string, data: string): void => {
      files.push({ path: `${dir}/${safeName(file)}`, data });
    };
    const derived = run.model.clusters.map((_, ci) => bgpConfigsOf(run, ci));
    const problems = derived.flatMap((d) => d.diagnostics);
    // A value Calico would refuse is an error, and nothing is written (validate reports the same).
    const errors = problems.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new InputError(errors);
    for (const d of problems) process.stderr.write(formatDiagnostic(d) + '\n');
    const tenants = run.model.clusters.map((c, ci) => ({ name: c.name, configs: derived[ci]?.configs ?? [], cluster: run.bgp.specOf(ci) }));
    files.push(...manifestFiles(tenants));
    run.model.clusters.forEach((c, ci) => {
      const base = safeName(c.name);
      for (const f of renderKubernetesManifests(c.spec, c.services, run.policies.of(ci))) write(`${base}/kubernetes`, f.file, f.text);
      if (c.spec.underlay.kind === 'flannel') {
        const f = c.spec.underlay.flannel;
        write(`${base}/flannel`, 'net-conf.json', renderNetConf(f));
        write(`${base}/flannel`, 'kube-flannel-cfg.yaml', renderFlannelConfigMap(f, c.name));
        for (const lease of c.underlay.flannel?.leases ?? []) write(`${base}/flannel`, `subnet-${lease.hostName}.env`, renderSubnetEnv(f, formatCidr(lease.subnet)));
      }
    });
    // The whole tree or nothing: a failure half-way leaves the previous output as it was.
    writeTreeAtomic(out, files, { force: args['force'] === true, replaceable: isManifestsOutput });
    if (args['quiet'] !== true) {
      const written = files.map((f) => join(out, f.path)).sort();
      process.stdout.write(`Wrote ${written.length} files under ${displayPath(out)}:\n`);
      for (const w of written) process.stdout.write(`  ${displayPath(w)}\n`);
    }
    return 0;
  },
};

const PARTS = new Set(['bird', 'calico', 'flannel', 'kubernetes']);

/** A folder that holds only `<cluster>/{bird,calico,flannel,kubernetes}/` folders: an earlier output of this command. */
function isManifestsOutput(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).every(
    (e) => e.isDirectory() && readdirSync(join(dir, e.name)).every((p) => PARTS.has(p) && statSync(join(dir, e.name, p)).isDirectory()),
  );
}
