// Generators and placeholders: node generators, `{i}` arithmetic and padding, `{tenant}`, templates
// (deep merge, lists replaced), tenant sets, and numbers produced by substitution.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { mergeMaps } from '../../src/scenario/expand-tenants.js';
import { substituteText, unresolvedPlaceholder } from '../../src/scenario/read/placeholders.js';
import { toJson, type PMap, type PValue } from '../../src/scenario/read/positioned.js';
import { brief, diagnosticsOf, scenarioFile } from './helpers.js';

const at = { file: 'x', line: 1, col: 1 };
/** A positioned tree from plain JSON (positions do not matter here). */
function tree(v: unknown): PValue {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(tree), src: at };
  if (v !== null && typeof v === 'object') {
    return { kind: 'map', entries: Object.entries(v).map(([key, x]) => ({ key, keySrc: at, value: tree(x) })), src: at };
  }
  return { kind: 'scalar', value: v as string | number | boolean | null, src: at };
}

describe('substituteText', () => {
  it('knows the placeholder forms', () => {
    expect(substituteText('n{i}', { i: 7 })).toBe('n7');
    expect(substituteText('10.0.0.{i+10}', { i: 3 })).toBe('10.0.0.13');
    expect(substituteText('{i-1}/{i*4}', { i: 3 })).toBe('2/12');
    expect(substituteText('t{i:02}-{i:3}', { i: 5 })).toBe('t05-005');
    expect(substituteText('{tenant}.example.com', { tenant: 'acme' })).toBe('acme.example.com');
    expect(substituteText('{tenant}-{i}', { i: 1 })).toBe('{tenant}-1');
    expect(substituteText("k in {'a'}", { i: 1, tenant: 't' })).toBe("k in {'a'}");
  });

  it('agrees with plain arithmetic for every operator, offset and width (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('+', '-', '*', ''), fc.nat(1000), fc.nat(8), (i, op, n, pad) => {
        const expr = op === '' ? 'i' : `i${op}${n}`;
        const value = op === '+' ? i + n : op === '-' ? i - n : op === '*' ? i * n : i;
        const text = substituteText(`x{${expr}${pad > 0 ? `:0${pad}` : ''}}y`, { i });
        const digits = String(Math.abs(value)).padStart(pad, '0');
        return text === `x${value < 0 ? '-' : ''}${digits}y` && unresolvedPlaceholder(text) === undefined;
      }),
    );
  });
});

describe('mergeMaps', () => {
  it('merges maps deeply and lets the tenant replace lists and scalars', () => {
    const base = tree({ a: { b: 1, c: [1, 2] }, d: 'x', keep: true });
    const over = tree({ a: { c: [3], e: 2 }, d: 'y', extra: 1 });
    expect(toJson(mergeMaps(base as PMap, over as PMap))).toEqual({ a: { b: 1, c: [3], e: 2 }, d: 'y', keep: true, extra: 1 });
  });

  it('keeps every key of both sides and the tenant value wherever both have a scalar (property)', () => {
    const flat = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer());
    fc.assert(
      fc.property(flat, flat, (b, o) => {
        const merged = toJson(mergeMaps(tree(b) as PMap, tree(o) as PMap)) as Record<string, number>;
        return Object.keys(merged).length === new Set([...Object.keys(b), ...Object.keys(o)]).size &&
          Object.entries(merged).every(([k, v]) => v === (k in o ? o[k] : b[k]));
      }),
    );
  });
});

describe('generators in scenarios', () => {
  const text = [
    'platform:',
    '  management:',
    '    name: m',
    '    underlay: { physical: { cidr: 10.0.0.0/24 } }',
    '    nodes: { count: 3, name: "h{i}", ip: "10.0.0.{i*2}", maxPods: "{i+100}", labels: { slot: "{i}" } }',
    'templates:',
    '  base:',
    '    underlay: { flannel: { vni: "{i+500}", network: "172.{i+16}.0.0/16" } }',
    '    nodes: { count: 2, name: "{tenant}-vm{i}", host: "h{i}" }',
    '    namespaces: [{ name: app, labels: { owner: "{tenant}" } }]',
    '    calico: { asNumber: 64600, ipPools: [{ name: pods, cidr: "10.{i}.0.0/16" }] }',
    'tenants:',
    '  - name: solo',
    '    template: base',
    '    underlay: { flannel: { vni: 9, network: 172.99.0.0/16 } }',
    '    calico: { ipPools: [{ name: own, cidr: 10.99.0.0/16 }] }',
    'tenantSets:',
    '  - { template: base, count: 3, name: "g{i:02}", calico: { asNumber: "{i+65000}" } }',
  ].join('\n');
  const file = scenarioFile(text);
  const s = loadScenario(file);

  it('expands a node generator with arithmetic, turning generated integers into numbers', () => {
    expect(s.platform?.management.nodes.map((n) => [n.name, n.ip, n.maxPods, n.labels.slot])).toEqual([
      ['h1', '10.0.0.2', 101, '1'],
      ['h2', '10.0.0.4', 102, '2'],
      ['h3', '10.0.0.6', 103, '3'],
    ]);
  });

  it('generates tenants from a set, with the set index outside and the node index inside node generators', () => {
    expect(s.tenants.map((t) => t.name)).toEqual(['solo', 'g01', 'g02', 'g03']);
    const g2 = s.tenants[2];
    expect(g2?.underlay).toMatchObject({ kind: 'flannel', flannel: { vni: 502, network: '172.18.0.0/16' } });
    expect(g2?.nodes.map((n) => [n.name, n.host])).toEqual([['g02-vm1', 'h1'], ['g02-vm2', 'h2']]);
    expect(g2?.calico.asNumber).toBe(65002);
    expect(g2?.calico.ipPools.map((p) => p.cidr)).toEqual(['10.2.0.0/16']);
    expect(g2?.namespaces[0]?.labels.owner).toBe('g02');
  });

  it('merges the template under a plain tenant, whose lists replace the template lists', () => {
    const solo = s.tenants[0];
    expect(solo?.calico.asNumber).toBe(64600);
    expect(solo?.calico.ipPools.map((p) => p.name)).toEqual(['own']);
    expect(solo?.nodes.map((n) => n.name)).toEqual(['solo-vm1', 'solo-vm2']);
  });

  it('is deterministic', () => {
    const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    expect(plain(loadScenario(file))).toEqual(plain(s));
  });

  it('reports a mistake in a set once, not once per generated tenant', () => {
    const bad = 'tenantSets:\n  - { count: 5, name: "t{i}", underlay: { physical: { cidr: 10.0.0.0/16 } }, nodes: [{ name: n, maxPods: lots }] }\n';
    expect(brief(diagnosticsOf(scenarioFile(bad)))).toEqual(['2:106 tenantSets[0].nodes[0].maxPods: expected an integer, got the string "lots"']);
  });

  it('refuses a generated string where a number is needed when it is not a number', () => {
    const bad = 'tenants:\n  - { name: a, underlay: { physical: { cidr: 10.0.0.0/16 } }, nodes: { count: 1, name: n, maxPods: "x{i}" } }\n';
    expect(brief(diagnosticsOf(scenarioFile(bad)))).toEqual(['2:100 tenants[0].nodes[0].maxPods: expected an integer, got the string "x1"']);
  });
});
