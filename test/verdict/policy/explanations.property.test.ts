// Property: every explanation the reference evaluator gives is true — the rule it names really matches the
// packet (re-checked here by a separate, direct reading of the rule) in a policy that selects the endpoint,
// an end-of-tier names a tier with a policy selecting the endpoint, `no-policy` means no policy selects it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains } from '../../../src/lib/ipv4.js';
import type { PodInput } from '../../../src/model/endpoints/types.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { Direction, EntityMatch, PolicyModel, Rule } from '../../../src/model/policy/types.js';
import type { JsonObject, Manifest } from '../../../src/scenario/types.js';
import { evaluateReference } from '../../../src/model/policy/eval/evaluate-reference.js';
import type { Packet, SideExplanation } from '../../../src/model/policy/eval/types.js';
import { ns } from '../../fixtures/policy/manifests.js';

const SRC = { file: 'gen.yaml', line: 1, col: 1 };
function manifest(body: JsonObject): Manifest {
  const meta = body['metadata'] as JsonObject;
  return {
    apiVersion: String(body['apiVersion']), kind: String(body['kind']), name: String(meta['name']),
    ...(meta['namespace'] !== undefined ? { namespace: String(meta['namespace']) } : {}),
    labels: {}, annotations: {}, body, src: SRC, locate: () => SRC,
  };
}

const SELECTORS = ["app == 'x'", "role == 'p'", 'has(app)', '!has(role)', "app in {'x', 'y'}"];
const NS_SELECTORS = ["team == 'a'", 'all()', "team != 'b'"];
const arbField = fc.oneof(
  fc.record({ selector: fc.constantFrom(...SELECTORS) }),
  fc.record({ notSelector: fc.constantFrom(...SELECTORS) }),
  fc.record({ namespaceSelector: fc.constantFrom(...NS_SELECTORS) }),
  fc.record({ nets: fc.constantFrom(['10.0.0.0/30'], ['10.0.0.4/31', '192.0.2.0/24']) }),
  fc.record({ notNets: fc.constantFrom(['10.0.0.2/32'], ['10.0.0.0/31']) }),
);
/** Mostly empty or one criterion (so that rules often match), sometimes two. */
const arbEntity = fc.oneof(
  { arbitrary: fc.constant({}), weight: 3 },
  { arbitrary: arbField, weight: 4 },
  { arbitrary: fc.tuple(arbField, arbField).map(([a, b]) => ({ ...a, ...b })), weight: 2 },
);
const arbRule = fc
  .record({
    action: fc.constantFrom('Allow', 'Deny', 'Allow', 'Deny', 'Pass', 'Log'),
    protocol: fc.option(fc.constantFrom('TCP', 'UDP'), { nil: undefined, freq: 1 }),
    ports: fc.option(fc.constantFrom([80], ['http'], ['8000:9000', 53]), { nil: undefined, freq: 1 }),
    source: arbEntity,
    destination: arbEntity,
  })
  .map(({ action, protocol, ports, source, destination }) => {
    const numeric = ports?.some((p) => typeof p === 'number' || String(p).includes(':'));
    const proto = numeric ? (protocol ?? 'TCP') : protocol;
    const rule = { action, ...(proto ? { protocol: proto } : {}), source, destination: { ...destination, ...(ports ? { ports } : {}) } };
    return JSON.parse(JSON.stringify(rule)) as JsonObject;
  });
const arbCalicoPolicy = fc.record({
  global: fc.boolean(),
  tier: fc.constantFrom('default', 'sec'),
  order: fc.option(fc.constantFrom(10, 20), { nil: undefined }),
  selector: fc.constantFrom('', '', ...SELECTORS),
  ingress: fc.array(arbRule, { maxLength: 4 }),
  egress: fc.array(arbRule, { maxLength: 4 }),
  staged: fc.boolean(),
  namespace: fc.constantFrom('a', 'b'),
});
const arbPod = fc.record({
  namespace: fc.constantFrom('a', 'b', 'c'),
  labels: fc.record({ app: fc.constantFrom('x', 'y'), role: fc.constantFrom('p', 'q') }, { requiredKeys: [] }),
  port: fc.option(fc.record({ containerPort: fc.constantFrom(80, 8080), protocol: fc.constantFrom('TCP' as const, 'UDP' as const) }), { nil: undefined }),
});

function build(pods: PodInput[], policies: { body: JsonObject }[], tierPass: boolean): PolicyModel {
  const tier = manifest({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'sec' }, spec: { order: 50, defaultAction: tierPass ? 'Pass' : 'Deny' } });
  const { model, diagnostics } = buildPolicyModel({
    namespaces: [ns('a', { team: 'a' }), ns('b', { team: 'b' }), ns('c', {})],
    pods,
    services: [],
    manifests: [tier, ...policies.map((p) => manifest(p.body))],
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model;
}

/** The packet end's pod labels (undefined for an outside address). */
function peerPod(m: PolicyModel, p: Packet['src']) {
  return 'endpoint' in p ? m.endpoints[p.endpoint] : undefined;
}

/** Direct reading of one EntityRule (no network sets, unique pod IPs: a selector is the set of matching pods). */
function entityHolds(m: PolicyModel, r: Rule, e: EntityMatch, end: Packet['src'], port: number | undefined, pkt: Packet): boolean {
  const pod = peerPod(m, end);
  const ip = pod ? pod.ip : 'ip' in end ? end.ip : undefined;
  if (ip === undefined) return false;
  if (e.nets && !e.nets.some((c) => cidrContains(c, ip))) return false;
  if (e.notNets && e.notNets.some((c) => cidrContains(c, ip))) return false;
  if (e.selector && !(pod && e.selector.matches(pod.labels))) return false;
  if (e.notSelector && pod && e.notSelector.matches(pod.labels)) return false;
  const portHolds = (list: NonNullable<EntityMatch['ports']>): boolean =>
    port !== undefined &&
    (list.ranges.some((x) => port >= x.min && port <= x.max) ||
      (pod !== undefined &&
        (!e.selector || e.selector.matches(pod.labels)) &&
        pod.ports.some((p) => list.named.includes(p.name) && p.port === port && p.protocol === pkt.protocol && (r.protocol === undefined || r.protocol === p.protocol))));
  if (e.ports && !portHolds(e.ports)) return false;
  if (e.notPorts && portHolds(e.notPorts)) return false;
  return true;
}

function ruleHolds(m: PolicyModel, r: Rule, pkt: Packet): boolean {
  if (!r.ipv4) return false;
  if (r.protocol !== undefined && r.protocol !== pkt.protocol) return false;
  return entityHolds(m, r, r.source, pkt.src, pkt.srcPort, pkt) && entityHolds(m, r, r.destination, pkt.dst, pkt.dstPort, pkt);
}

function checkSide(m: PolicyModel, s: SideExplanation, dir: Direction, end: Packet['src'], pkt: Packet): void {
  const pod = peerPod(m, end);
  const selecting = (pod ? m.policies.filter((p) => p.types[dir] && p.selector.matches(pod.labels)) : []);
  if (s.decided === 'rule') {
    const p = m.policies.find((x) => x.name === s.policy?.name && x.kind === s.policy?.kind && x.namespace === s.policy?.namespace);
    const r = p?.[dir][s.ruleIndex ?? -1];
    expect(p && pod && p.selector.matches(pod.labels)).toBe(true);
    expect(p?.staged).toBe(false);
    expect(r && ruleHolds(m, r, pkt)).toBe(true);
    expect(r?.action.toLowerCase()).toBe(s.action);
  } else if (s.decided === 'end-of-tier') {
    expect(selecting.some((p) => p.tier === s.tier && !p.staged)).toBe(true);
    expect(s.action).toBe('deny');
  } else if (s.decided === 'no-policy') {
    expect(selecting).toEqual([]);
  } else if (s.decided === 'not-applicable') {
    expect(pod).toBeUndefined();
  }
  expect(s.decided).not.toBe('unknown');
}

describe('reference evaluator explanations', () => {
  it('name a rule that really matches, in a policy that selects the endpoint', () => {
    fc.assert(
      fc.property(
        fc.array(arbPod, { minLength: 2, maxLength: 5 }),
        fc.array(arbCalicoPolicy, { maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.record({ src: fc.nat(5), dst: fc.nat(4), udp: fc.boolean(), port: fc.constantFrom(53, 80, 8080, 8500) }), { minLength: 1, maxLength: 8 }),
        (podSpecs, pols, tierPass, packets) => {
          const pods: PodInput[] = podSpecs.map((p, i) => ({
            name: `p${i}`, namespace: p.namespace, labels: p.labels, serviceAccount: 'default', hostNetwork: false, ip: `10.0.0.${i + 1}`,
            ports: p.port ? [{ name: 'http', ...p.port }] : [],
          }));
          const policies = pols.map((p, i) => ({
            body: {
              apiVersion: 'projectcalico.org/v3',
              kind: `${p.staged ? 'Staged' : ''}${p.global ? 'Global' : ''}NetworkPolicy`,
              metadata: { name: `pol${i}`, ...(p.global ? {} : { namespace: p.namespace }) },
              spec: { tier: p.tier, ...(p.order !== undefined ? { order: p.order } : {}), selector: p.selector, ingress: p.ingress, egress: p.egress },
            } as JsonObject,
          }));
          const m = build(pods, policies, tierPass);
          for (const k of packets) {
            const src = k.src < pods.length ? { endpoint: k.src } : { ip: 0xc0000205 };
            const pkt: Packet = { src, dst: { endpoint: k.dst % pods.length }, protocol: k.udp ? 17 : 6, dstPort: k.port };
            const v = evaluateReference(m, pkt);
            if ('endpoint' in src && src.endpoint === k.dst % pods.length) continue;
            expect(v.verdict).not.toBe('unknown');
            checkSide(m, v.egress, 'egress', pkt.src, pkt);
            checkSide(m, v.ingress, 'ingress', pkt.dst, pkt);
            const both = v.egress.action === 'allow' && v.ingress.action === 'allow';
            expect(v.verdict).toBe(both ? 'allow' : 'deny');
          }
        },
      ),
      { numRuns: 400, seed: 20261124 },
    );
  });
});
