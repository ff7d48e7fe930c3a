// Round trip on the shipped scenarios: each cluster's emitted Kubernetes and Calico folders (and the management
// cluster's ingress controller and tenant VMs), read back as manifests, give the cluster's connection list again
// and, once BGP has converged, the same routes.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connlist, formatConnlist } from '../../../src/emit/connlist/connlist.js';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario, loadScenarios } from '../../../src/scenario/load-scenario.js';
import { fastEvaluate } from '../../../src/verdict/state/fast-evaluate.js';
import { routesJson } from '../../../src/verdict/routes/routes-json.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { policyInputOf } from '../../../src/verdict/state/policy-input.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-rt-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The connection list of cluster `ci` of a run (only that cluster's policy model is built). */
function connlistOf(run: PlatformRun, ci: number): string {
  return formatConnlist(connlist(buildPolicyModel(policyInputOf(run, ci)).model, fastEvaluate));
}

function roundTrip(file: string, clusters: readonly string[]): void {
  // At 30 s the initial BGP sessions have exchanged their routes (the `routes` command's default instant).
  const run = runPlatform(buildModel(loadScenario(file)), { until: 30_000 });
  const out = join(dir, file.replace(/\W/g, '_'));
  for (const f of buildManifestSet(run, { format: 'yaml', clusters: new Set(clusters) })) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.data);
  }
  for (const c of clusters) {
    // The management cluster's ingress controller is its installation's Deployment; its tenants' VMs are
    // KubeVirt VirtualMachines, read back as their virt-launcher pods.
    const extra = ['ingress-nginx.yaml', 'tenant-vms.yaml'].map((f) => join(out, c, 'install', f)).filter((f) => existsSync(f));
    const back = runPlatform(buildModel(loadScenarios([join(out, c, 'kubernetes'), join(out, c, 'calico'), ...extra])), { until: 30_000 });
    const got = connlistOf(back, 0);
    const want = connlistOf(run, run.model.clusterByName.get(c)!);
    expect(got, c).toBe(want);
    if (extra.some((f) => f.endsWith('tenant-vms.yaml'))) expect(got, c).toMatch(/tenant-[\w-]+\/[\w-]+\[Pod\]/);
    expect(got.length, c).toBeGreaterThan(0);
    const nodes = run.model.clusters[run.model.clusterByName.get(c)!]!.nodes.map((id) => run.bgp.speakerOf(id));
    const original = JSON.stringify(routesJson(run.bgp.net, { nodes })).replaceAll(`"${c}/`, '"');
    expect(JSON.stringify(routesJson(back.bgp.net)), c).toBe(original);
  }
}

describe('manifest round trip on the shipped scenarios', () => {
  it('default scenario: every cluster', () => roundTrip('scenarios/giantnetes.yaml', ['mgmt', 'acme', 'globex', 'initech', 'umbrella']));
  // large.yaml's generators and outer wall, reduced to three tenants (the output-identity fixture of issue 14).
  it('large scenario, reduced: every cluster', () => roundTrip('test/fixtures/identity/large-reduced.yaml', ['mgmt', 't01', 't02', 't03']));
});
