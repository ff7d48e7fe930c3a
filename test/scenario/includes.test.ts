// Top-level includes (fragments relative to the including file, cycles, missing files) and cluster includes
// of real manifests.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf, tempTree } from './helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));

describe('top-level include', () => {
  const s = loadScenario(`${fixtures}include/main.yaml`);

  it('resolves nested fragments relative to each including file', () => {
    expect(s.sourceFiles.map((f) => f.slice(fixtures.length))).toEqual([
      'include/main.yaml',
      'include/frags/templates.yaml',
      'include/frags/more.yaml',
      'include/extra/extra.yaml',
    ]);
  });

  it('concatenates tenants, tenant sets and events, included fragments first', () => {
    expect(s.tenants.map((t) => [t.name, t.nodes.map((n) => n.name).join(' ')])).toEqual([
      ['local', 'local-n1 local-n2'],
      ['set1', 'set1-n1 set1-n2'],
      ['set2', 'set2-n1 set2-n2'],
    ]);
    expect(s.tenants.map((t) => (t.underlay.kind === 'flannel' ? t.underlay.flannel.network : ''))).toEqual([
      '172.30.0.0/16',
      '172.21.0.0/16',
      '172.22.0.0/16',
    ]);
    expect(s.events.map((e) => [e.kind, e.src.file.slice(fixtures.length), e.src.line])).toEqual([
      ['node-down', 'include/frags/templates.yaml', 7],
      ['node-up', 'include/extra/extra.yaml', 2],
    ]);
  });

  it('reports a cycle with its chain and a missing file at the include entry', () => {
    expect(brief(diagnosticsOf(`${fixtures}cycle/a.yaml`)).map((d) => d.replaceAll(fixtures, ''))).toEqual([
      '4:5 include[1]: cannot read cycle/missing.yaml: no such file',
      '1:11 include[0]: include cycle: cycle/a.yaml → cycle/b.yaml → cycle/a.yaml',
    ]);
  });

  it('refuses scenario keys inside a fragment', () => {
    const dir = tempTree({ 'main.yaml': 'include: [frag.yaml]\n', 'frag.yaml': 'name: no\ntemplates: {}\n' });
    expect(brief(diagnosticsOf(`${dir}/main.yaml`))).toEqual(['1:1 name: unknown field `name`']);
  });

  it('warns about a template nobody uses', () => {
    const dir = tempTree({ 'main.yaml': 'templates:\n  unused: { placement: cloud }\n' });
    expect(loadScenario(`${dir}/main.yaml`).warnings).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, path: 'templates.unused', message: 'template unused is never used' }),
    ]);
  });
});

describe('cluster include of real manifests', () => {
  it('merges a manifest folder into a tenant, relative to the scenario file', () => {
    const s = loadScenario(`${fixtures}cluster-include.yaml`);
    const t = s.tenants[0];
    expect(t?.nodes.map((n) => n.name)).toEqual(['worker-1', 'worker-2']);
    expect(t?.namespaces.map((n) => `${n.name}:${String(n.declared)}`)).toEqual(['extra:true', 'shop:true', 'data:true', 'batch:false']);
    expect(t?.workloads.map((w) => w.name)).toEqual(['frontend']);
    expect(t?.policies.map((p) => p.name)).toEqual(['inline', 'default-deny', 'deny-all']);
    // BGPConfiguration `default` overrides the scenario's AS number; pools come from the IPPool object.
    expect(t?.calico.asNumber).toBe(65010);
    expect(t?.calico.ipPools.map((p) => p.cidr)).toEqual(['10.244.0.0/16']);
    expect(t?.calico.resources.map((r) => r.kind)).toEqual(['BGPConfiguration', 'BGPPeer']);
    expect(s.sourceFiles.length).toBe(7);
    expect(s.warnings.map((w) => w.message)).toEqual([
      'kind ConfigMap is not modelled; 2 objects ignored',
      'kind Secret is not modelled; 1 object ignored',
    ]);
  });

  it('reports a missing manifest folder at its include entry', () => {
    const dir = tempTree({
      'scenario.yaml': 'tenants:\n  - name: a\n    underlay: { physical: { cidr: 10.0.0.0/16 } }\n    include: [nowhere]\n',
    });
    expect(brief(diagnosticsOf(`${dir}/scenario.yaml`)).map((d) => d.replace(dir, '<dir>'))).toEqual([
      '4:15 tenants[0].include[0]: cannot read <dir>/nowhere: no such file or folder',
    ]);
  });
});
