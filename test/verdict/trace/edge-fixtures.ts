// Test helper: the default scenario (optionally edited) run to a time, with its policy models, for the
// edge tests (trace from outside, Services, the outer wall, the source-address rule).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadRun } from '../../../src/cli/load/load-run.js';
import type { PlatformRun } from '../../../src/engine/platform/run-platform.js';
import type { ClusterPolicies } from '../../../src/verdict/reach/platform-probes.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';

export const DEFAULT_SCENARIO = 'scenarios/giantnetes.yaml';
const dir = mkdtempSync(join(tmpdir(), 'calisim-edge-'));

/** The default scenario's text with each `[from, to]` replacement applied (each must match), written to a file. */
export function editedScenario(name: string, edits: readonly (readonly [string, string])[]): string {
  let text = readFileSync(DEFAULT_SCENARIO, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** A GlobalNetworkPolicy of order 1 denying all ingress to the tenant VMs, added to the management cluster. */
export const DENY_TENANT_VMS: readonly [string, string] = [
  '    policies:\n      # The outer wall:',
  '    policies:\n      - apiVersion: projectcalico.org/v3\n        kind: GlobalNetworkPolicy\n        metadata: { name: deny-tenant-vms }\n        spec: { order: 1, namespaceSelector: has(calisim.io/tenant), types: [Ingress], ingress: [{ action: Deny }] }\n      # The outer wall:',
];

/** The tenants' flannel with --ip-masq (flannel's default). */
export const IP_MASQ_ON: readonly (readonly [string, string])[] = ['101', '102', '103'].map((vni) => [`vni: ${vni}, network: 172.1${Number(vni) - 95}.0.0/16, subnetLen: 24, port: 8472, mtu: 1450, ipMasq: false`, `vni: ${vni}, network: 172.1${Number(vni) - 95}.0.0/16, subnetLen: 24, port: 8472, mtu: 1450, ipMasq: true`]);

/** A run at `at` with its policy models. */
export function edgeRun(file = DEFAULT_SCENARIO, at = '30s'): { run: PlatformRun; policies: ClusterPolicies[] } {
  const { run } = loadRun([file], at);
  return { run, policies: policyModelsOf(run).clusters };
}
