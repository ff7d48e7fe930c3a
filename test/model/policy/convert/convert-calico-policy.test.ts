// Calico v3 policy validation (libcalico-go validator.go, CEL rules of api/.../policy_common.go and
// globalnetworkpolicy.go) and defaulting (api/pkg/defaults): every violation is a Diagnostic at its field.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../src/lib/diagnostics.js';
import { convertCalicoPolicy, type CalicoPolicyKind } from '../../../../src/model/policy/convert/convert-calico-policy.js';
import type { DraftPolicy } from '../../../../src/model/policy/convert/draft.js';
import { manifests } from '../../../fixtures/policy/manifests.js';

function convert(spec: string, kind: CalicoPolicyKind = 'NetworkPolicy'): { d: DraftPolicy | undefined; errors: Diagnostic[] } {
  const ns = kind.includes('Global') ? '' : '\n  namespace: prod';
  const text = `apiVersion: projectcalico.org/v3\nkind: ${kind}\nmetadata:\n  name: p${ns}\nspec:\n${spec}`;
  const m = manifests(text, 'calico.yaml')[0];
  if (!m) throw new Error('no manifest');
  const diags: Diagnostic[] = [];
  const d = convertCalicoPolicy({ manifest: m, diagnostics: diags }, kind);
  return { d, errors: diags.filter((x) => x.severity === 'error') };
}

function errorPaths(spec: string, kind?: CalicoPolicyKind): string[] {
  return convert(spec, kind).errors.map((e) => e.path);
}

describe('Calico policy defaults', () => {
  it('types: no egress rules → Ingress; only egress → Egress; both → both', () => {
    expect(convert(`  selector: all()\n`).d?.types).toEqual({ ingress: true, egress: false });
    expect(convert(`  egress: [{action: Allow}]\n`).d?.types).toEqual({ ingress: false, egress: true });
    expect(convert(`  ingress: [{action: Allow}]\n  egress: [{action: Allow}]\n`).d?.types).toEqual({ ingress: true, egress: true });
  });
  it('tier default, order nil = +Inf, float order kept', () => {
    const d = convert(`  selector: all()\n`).d;
    expect([d?.tier, d?.order, d?.namespace]).toEqual(['default', Infinity, 'prod']);
    expect(convert(`  order: 100.5\n  tier: security\n`).d?.order).toBe(100.5);
  });
  it('protocol names and numbers, ports and named ports, icmp', () => {
    const d = convert(`  ingress:
  - action: Allow
    protocol: TCP
    destination: {ports: [80, "8080:8090", http, "80-90"]}
  - action: Deny
    protocol: ICMP
    icmp: {type: 8}
  - action: Allow
    protocol: 132
  - action: Allow
    destination: {ports: [metrics]}
`).d;
    const [tcp, icmp, sctp, named] = d?.ingress ?? [];
    expect(tcp?.destination.ports).toEqual({ ranges: [{ min: 80, max: 80 }, { min: 8080, max: 8090 }], named: ['http', '80-90'] });
    expect([icmp?.protocol, icmp?.icmp]).toEqual([1, { type: 8 }]);
    expect(sctp?.protocol).toBe(132);
    expect([named?.protocol, named?.destination.ports?.named]).toEqual([undefined, ['metrics']]);
  });
  it('IPv6-only rules are kept but flagged as never matching IPv4', () => {
    const d = convert(`  ingress: [{action: Allow, source: {nets: ["fd00::/8"]}}, {action: Deny, ipVersion: 6}]\n`).d;
    expect(d?.ingress.map((r) => r.ipv4)).toEqual([false, false]);
  });
});

describe('Calico policy validation', () => {
  it.each([
    ['lower-case protocol', `  ingress: [{action: Allow, protocol: tcp}]\n`, 'spec.ingress[0].protocol'],
    ['protocol 0', `  ingress: [{action: Allow, protocol: 0}]\n`, 'spec.ingress[0].protocol'],
    ['numeric ports without protocol', `  ingress: [{action: Allow, destination: {ports: [80]}}]\n`, 'spec.ingress[0].destination.ports'],
    ['ports with ICMP', `  ingress: [{action: Allow, protocol: ICMP, destination: {ports: [80]}}]\n`, 'spec.ingress[0].destination.ports'],
    ['ports with UDPLite', `  ingress: [{action: Allow, protocol: UDPLite, destination: {ports: [80]}}]\n`, 'spec.ingress[0].destination.ports'],
    ['port 0', `  ingress: [{action: Allow, protocol: TCP, destination: {ports: [0]}}]\n`, 'spec.ingress[0].destination.ports[0]'],
    ['port 65536', `  ingress: [{action: Allow, protocol: TCP, destination: {ports: [65536]}}]\n`, 'spec.ingress[0].destination.ports[0]'],
    ['reversed range', `  ingress: [{action: Allow, protocol: TCP, destination: {ports: ["90:80"]}}]\n`, 'spec.ingress[0].destination.ports[0]'],
    ['icmp without ICMP protocol', `  ingress: [{action: Allow, protocol: TCP, icmp: {type: 8}}]\n`, 'spec.ingress[0].icmp'],
    ['icmp code without type', `  ingress: [{action: Allow, protocol: ICMP, icmp: {code: 1}}]\n`, 'spec.ingress[0].icmp.code'],
    ['ICMP with ipVersion 6', `  ingress: [{action: Allow, protocol: ICMP, ipVersion: 6}]\n`, 'spec.ingress[0].protocol'],
    ['bad action', `  ingress: [{action: Accept}]\n`, 'spec.ingress[0].action'],
    ['notNets catch-all', `  ingress: [{action: Allow, source: {notNets: [0.0.0.0/0]}}]\n`, 'spec.ingress[0].source.notNets[0]'],
    ['host bits in a net', `  ingress: [{action: Allow, source: {nets: [10.0.0.1/8]}}]\n`, 'spec.ingress[0].source.nets[0]'],
    ['mixed families', `  ingress: [{action: Allow, source: {nets: [10.0.0.0/8]}, destination: {nets: ["fd00::/8"]}}]\n`, 'spec.ingress[0]'],
    ['invalid selector', `  selector: app == web\n`, 'spec.selector'],
    ['global() in a selector', `  ingress: [{action: Allow, source: {selector: global()}}]\n`, 'spec.ingress[0].source.selector'],
    ['services with a selector', `  ingress: [{action: Allow, source: {services: {name: s}, selector: all()}}]\n`, 'spec.ingress[0].source.selector'],
    ['http on a Deny rule', `  ingress: [{action: Deny, http: {methods: [GET]}}]\n`, 'spec.ingress[0].http'],
    ['unknown rule field', `  ingress: [{action: Allow, destinaton: {}}]\n`, 'spec.ingress[0].destinaton'],
    ['unknown spec field', `  selectr: all()\n`, 'spec.selectr'],
  ])('%s', (_name, spec, path) => {
    expect(errorPaths(spec)).toContain(path);
    expect(convert(spec).d).toBeUndefined();
  });
  it('an invalid selector is reported with its column', () => {
    const e = convert(`  selector: app == web\n`).errors[0];
    expect(e?.message).toMatch(/column 8/);
    expect([e?.file, e?.line]).toEqual(['calico.yaml', 7]);
  });
  it('global() alone is fine in a rule namespaceSelector, not combined', () => {
    expect(errorPaths(`  ingress: [{action: Allow, source: {namespaceSelector: global()}}]\n`)).toEqual([]);
    expect(errorPaths(`  ingress: [{action: Allow, source: {namespaceSelector: "global() && has(a)"}}]\n`)).toContain('spec.ingress[0].source.namespaceSelector');
  });
  it('GNP flags: preDNAT needs applyOnForward, no egress; doNotTrack and preDNAT exclusive', () => {
    expect(errorPaths(`  preDNAT: true\n`, 'GlobalNetworkPolicy')).toContain('spec.applyOnForward');
    expect(errorPaths(`  preDNAT: true\n  applyOnForward: true\n  egress: [{action: Allow}]\n`, 'GlobalNetworkPolicy')).toContain('spec.egress');
    expect(errorPaths(`  preDNAT: true\n  doNotTrack: true\n  applyOnForward: true\n`, 'GlobalNetworkPolicy')).toContain('spec.preDNAT');
    expect(errorPaths(`  namespaceSelector: all()\n`, 'NetworkPolicy')).toContain('spec.namespaceSelector');
  });
});
