// scenario: schema of the scenario file's top level, of included fragments, of timeline events and of
// `expect` (isolation, reachability, convergence, IPAM headroom, MTU consistency).
import { pathRef } from './cluster-schema.js';
import { ipv4, ipv4OrCidr } from './formats.js';
import { CA_STEPS } from './pki-schema.js';
import { platformSchema } from './platform-schema.js';
import { describe, type PValue } from '../read/positioned.js';
import { errorAt, type Ctx } from '../provenance.js';
import {
  bool, def, duration, int, list, many, num, obj, oneOf, opt, port, raw, req, selector, simTime, str, sub,
  type At, type Rec, type Schema,
} from './schema.js';
import { stringValue, validate } from './validate.js';

/** Keys that make a YAML document a scenario rather than a manifest. */
export const SCENARIO_KEYS = [
  'name', 'description', 'seed', 'horizon', 'include', 'platform', 'templates', 'tenants', 'tenantSets', 'events', 'expect',
] as const;

export const EVENT_KINDS = [
  'node-down', 'node-up', 'link-down', 'link-up', 'bgp-peer-down', 'bgp-peer-up',
  'policy-apply', 'policy-delete', 'scale', 'cert-rotate', 'route-reflectors',
  'lb-down', 'lb-up', 'lb-member-disable', 'lb-member-enable',
] as const;

/** A list of exactly two strings (`[a, b]`). */
const pair: Schema = {
  t: 'custom',
  read: (v, path, ctx: Ctx) => {
    if (v.kind !== 'seq' || v.items.length !== 2) {
      errorAt(ctx, { path, src: v.src }, `expected a pair [a, b], got ${describe(v)}`);
      return undefined;
    }
    const a = stringValue(v.items[0] as PValue, `${path}[0]`, ctx);
    const b = stringValue(v.items[1] as PValue, `${path}[1]`, ctx);
    return a === undefined || b === undefined ? undefined : [a, b];
  },
};

/** Fields each event kind needs, and may have (besides at, kind, tenant). */
const EVENT_FIELDS: Readonly<Record<string, { need: readonly string[]; may: readonly string[] }>> = {
  'node-down': { need: ['node'], may: ['mode'] },
  'node-up': { need: ['node'], may: [] },
  'link-down': { need: ['link'], may: [] },
  'link-up': { need: ['link'], may: [] },
  'bgp-peer-down': { need: ['node', 'peer'], may: [] },
  'bgp-peer-up': { need: ['node', 'peer'], may: [] },
  'policy-apply': { need: ['policies'], may: [] },
  'policy-delete': { need: ['policyRefs'], may: [] },
  scale: { need: ['workload', 'replicas'], may: [] },
  'cert-rotate': { need: [], may: ['component', 'overlap', 'order'] },
  'route-reflectors': { need: ['reflectors'], may: ['clusterId', 'mesh'] },
  'lb-down': { need: ['lb'], may: [] },
  'lb-up': { need: ['lb'], may: [] },
  'lb-member-disable': { need: ['lb', 'member'], may: [] },
  'lb-member-enable': { need: ['lb', 'member'], may: [] },
};
const OPTIONAL_EVENT_FIELDS = ['node', 'mode', 'link', 'peer', 'policies', 'policyRefs', 'workload', 'replicas', 'component', 'reflectors', 'clusterId', 'mesh', 'overlap', 'order', 'lb', 'member'];

function checkEvent(o: Rec, at: At, ctx: Ctx): void {
  const rule = EVENT_FIELDS[o.kind as string];
  if (rule === undefined) return;
  for (const f of rule.need) if (o[f] === undefined) errorAt(ctx, at(f), `a ${String(o.kind)} event needs \`${f}\``);
  for (const f of OPTIONAL_EVENT_FIELDS) {
    if (o[f] !== undefined && !rule.need.includes(f) && !rule.may.includes(f)) {
      errorAt(ctx, at(f), `\`${f}\` does not apply to a ${String(o.kind)} event`);
    }
  }
}

export const eventSchema = obj(
  {
    at: req(duration),
    kind: req(oneOf(EVENT_KINDS)),
    tenant: opt(str()),
    node: opt(str()),
    mode: opt(oneOf(['silent', 'clean', 'crash'])),
    link: opt(pair),
    peer: opt(str()),
    policies: opt(raw('seq')),
    policyRefs: opt(list(str())),
    workload: opt(str()),
    replicas: opt(int(0, 100_000)),
    component: opt(str()),
    overlap: opt(duration),
    order: opt(list(oneOf(CA_STEPS))),
    reflectors: opt(list(str())),
    clusterId: opt(str(ipv4)),
    mesh: opt(bool),
    lb: opt(str()),
    member: opt(str()),
  },
  { check: checkEvent, build: (o) => (o.kind === 'node-down' && o.mode === undefined ? { ...o, mode: 'silent' } : o) },
);

const endpointSchema = obj(
  { tenant: opt(str()), namespace: opt(str()), workload: opt(str()), selector: opt(selector), address: opt(str(ipv4OrCidr)) },
  {
    noSrc: true,
    check: (o, at, ctx) => {
      const keys = Object.keys(o);
      if (keys.length === 0) errorAt(ctx, at(), 'an endpoint needs a tenant, namespace, workload, selector or address');
      if (o.address !== undefined && keys.length > 1) errorAt(ctx, at('address'), 'an address cannot be combined with other fields');
      if (o.workload !== undefined && o.namespace === undefined) errorAt(ctx, at('workload'), 'a workload needs its namespace');
    },
  },
);

const reachSchema = obj(
  {
    from: req(endpointSchema),
    to: req(endpointSchema),
    protocol: def(oneOf(['TCP', 'UDP', 'SCTP', 'ICMP']), 'TCP'),
    port: opt(port),
    expect: req(oneOf(['allow', 'deny'])),
    description: opt(str()),
  },
  {
    check: (o, at, ctx) => {
      if (o.protocol === 'ICMP' && o.port !== undefined) errorAt(ctx, at('port'), 'ICMP has no ports');
    },
  },
);

/** `all`, `none`, or a list of tenant pairs. */
const isolation: Schema = {
  t: 'custom',
  read: (v, path, ctx: Ctx) => {
    if (v.kind === 'seq') return validate(list(pair), v, path, ctx);
    const text = v.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
    if (text === 'all' || text === 'none') return text;
    errorAt(ctx, { path, src: v.src }, `expected all, none or a list of tenant pairs, got ${describe(v)}`);
    return undefined;
  },
};

export const expectSchema = obj({
  isolation: def(isolation, 'all'),
  reach: many(reachSchema),
  convergeWithin: opt(duration),
  ipamHeadroom: opt(num(0, 1)),
  consistentMtu: def(bool, true),
});

export const scenarioSchema = obj(
  {
    name: opt(str()),
    description: def(str(), ''),
    seed: def(int(0, 4_294_967_295), 1),
    horizon: def(simTime, 600_000),
    include: { s: list(pathRef), def: () => [] },
    platform: opt(platformSchema),
    templates: opt(raw('map')),
    tenants: opt(raw('seq')),
    tenantSets: opt(raw('seq')),
    events: opt(raw('seq')),
    expect: sub(expectSchema),
  },
  { noSrc: true },
);

export const fragmentSchema = obj(
  {
    include: { s: list(pathRef), def: () => [] },
    templates: opt(raw('map')),
    tenants: opt(raw('seq')),
    tenantSets: opt(raw('seq')),
    events: opt(raw('seq')),
  },
  { noSrc: true },
);
