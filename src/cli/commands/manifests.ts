// cli: `calisim manifests SCENARIO -o DIR [--at T]` — write the real configuration the simulation ran:
// per cluster a folder with Calico resources, each node's BIRD configuration, the Kubernetes objects
// and, for a flannel underlay, its net-conf.json and each host's subnet.env.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFlannelConfigMap, renderNetConf, renderSubnetEnv } from '../../emit/flannel/render-flannel-config.js';
import { renderKubernetesManifests } from '../../emit/kubernetes/render-kubernetes-manifests.js';
import { certManagerObjects, renderCertManager } from '../../emit/pki/render-cert-manager.js';
import { renderVaultConfig } from '../../emit/pki/render-vault-config.js';
import { writeManifests } from '../../emit/write-manifests.js';
import { formatDiagnostic } from '../../lib/diagnostics.js';
import { formatCidr } from '../../lib/ipv4.js';
import { bgpConfigsOf } from '../../verdict/state/bgp-configs.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { displayPath } from '../display-path.js';
import { loadRun } from '../load-run.js';

export const manifestsCommand: Command = {
  command: 'manifests <scenario>',
  describe: 'Write the Calico, BIRD, Kubernetes, flannel and PKI (Vault, cert-manager) configuration of every cluster, a folder each',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario YAML or folder of manifests' })
      .option('o', { alias: 'out', type: 'string', default: 'out/manifests', describe: 'output folder' })
      .option('at', { type: 'string', describe: 'simulated time of the state to emit (default 0)' })
      .option('quiet', { type: 'boolean', default: false }),
  async run(args) {
    const run = loadRun(optStrings(args, 'scenario'), optString(args, 'at'));
    const out = optString(args, 'o') ?? 'out/manifests';
    const written: string[] = [];
    const write = (dir: string, file: string, text: string): void => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file), text);
      written.push(join(dir, file));
    };
    const tenants = run.model.clusters.map((c, ci) => {
      const derived = bgpConfigsOf(run, ci);
      for (const d of derived.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      return { name: c.name, configs: derived.configs, cluster: run.bgp.specOf(ci) };
    });
    written.push(...writeManifests(out, tenants));
    run.model.clusters.forEach((c, ci) => {
      const base = join(out, c.name);
      for (const f of renderKubernetesManifests(c.spec, c.services, run.policies.of(ci))) write(join(base, 'kubernetes'), f.file, f.text);
      if (c.spec.underlay.kind === 'flannel') {
        const f = c.spec.underlay.flannel;
        write(join(base, 'flannel'), 'net-conf.json', renderNetConf(f));
        write(join(base, 'flannel'), 'kube-flannel-cfg.yaml', renderFlannelConfigMap(f, c.name));
        for (const lease of c.underlay.flannel?.leases ?? []) write(join(base, 'flannel'), `subnet-${lease.hostName}.env`, renderSubnetEnv(f, formatCidr(lease.subnet)));
      }
      const pki = run.pki.model;
      const namespaceOf = (host: string): string | undefined => c.spec.ingresses.find((i) => i.host === host)?.namespace;
      const objects = certManagerObjects(pki.clusters[ci]!, pki.certs, namespaceOf);
      const namespaces = [...new Set(objects.map((o) => (o['metadata'] as { namespace: string }).namespace))];
      write(join(base, 'pki'), `vault-${pki.clusters[ci]!.mount}.sh`, renderVaultConfig(pki.clusters[ci]!, pki.certs, namespaces));
      write(join(base, 'pki'), 'cert-manager.yaml', renderCertManager(objects));
    });
    if (args['quiet'] !== true) {
      written.sort();
      process.stdout.write(`Wrote ${written.length} files under ${displayPath(out)}:\n`);
      for (const w of written) process.stdout.write(`  ${displayPath(w)}\n`);
    }
    return 0;
  },
};
