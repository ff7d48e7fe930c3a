// scenario: Gateway API Gateways and HTTPRoutes (gateway.networking.k8s.io/v1) into specs — listeners;
// parentRefs, and rules of matches and Service backends, checked as the CRD's schema and CEL rules do;
// rule filters (httproute-filters.ts); what calisim does not route by (RegularExpression matches, the
// filters it does not apply) is reported, never dropped silently.
import type { FieldPart } from '../../lib/diagnostics.js';
import { readLabelSelector, type LabelSelector } from '../../lib/selector/label-selector.js';
import { manifestOrigin } from './manifest-record.js';
import { toJson, type PMap, type PValue } from '../read/positioned.js';
import { errorAt, type Ctx } from '../provenance.js';
import { readFilters, filterSchema, type FilterRec } from './httproute-filters.js';
import { def, int, list, many, obj, oneOf, opt, port, raw, req, str, sub } from '../schema/schema.js';
import { ipv4 } from '../schema/formats.js';
import type { GatewaySpec, HttpRouteMatchSpec, HttpRouteSpec, Manifest, ReferenceGrantSpec } from '../types.js';
import { validateClean } from '../schema/validate.js';

/** RFC 1123 hostname, optionally with one leading `*.` label (the CRD's Hostname pattern); no IPs. */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
const nameValue = obj({ type: def(oneOf(['Exact', 'RegularExpression']), 'Exact'), name: req(str()), value: req(str()) }, { noSrc: true });
const match = obj(
  {
    path: sub(obj({ type: def(oneOf(['Exact', 'PathPrefix', 'RegularExpression']), 'PathPrefix'), value: def(str(), '/') }, { noSrc: true })),
    method: opt(oneOf(METHODS)),
    headers: many(nameValue),
    queryParams: many(nameValue),
  },
  { noSrc: true },
);
const backendRef = obj(
  { group: def(str(), ''), kind: def(str(), 'Service'), name: req(str()), namespace: opt(str()), port: opt(port), weight: def(int(0, 1_000_000, 'weight'), 1), filters: many(filterSchema) },
  { noSrc: true },
);
const routeBody = obj(
  {
    spec: sub(
      obj(
        {
          parentRefs: many(obj({ group: opt(str()), kind: opt(str()), name: req(str()), namespace: opt(str()), sectionName: opt(str()), port: opt(port) }, { noSrc: true })),
          hostnames: many(str()),
          rules: many(obj({ name: opt(str()), matches: many(match), filters: many(filterSchema), backendRefs: many(backendRef), timeouts: opt(raw('map')) }, { noSrc: true })),
        },
        { noSrc: true },
      ),
    ),
  },
  { noSrc: true },
);

interface NameValue { type: string; name: string; value: string }
interface MatchRec { path: { type: string; value: string }; method?: string; headers: NameValue[]; queryParams: NameValue[] }
interface BackendRec { group: string; kind: string; name: string; namespace?: string; port?: number; weight: number; filters: FilterRec[] }
interface RuleRec { matches: MatchRec[]; filters: FilterRec[]; backendRefs: BackendRec[] }

/** An HTTPRoute, or undefined after reporting why it cannot be read. */
export function readHttpRoute(m: Manifest, doc: PMap, path: string, ctx: Ctx): HttpRouteSpec | undefined {
  const r = validateClean(routeBody, doc, path, ctx) as { spec: { parentRefs: { name: string; namespace?: string }[]; hostnames: string[]; rules: RuleRec[] } } | undefined;
  if (r === undefined) return undefined;
  const at = (field: string) => ({ path: path ? `${path}.${field}` : field, src: m.locate(field) });
  const namespace = m.namespace ?? 'default';
  r.spec.hostnames.forEach((h, i) => {
    if (!HOSTNAME.test(h)) errorAt(ctx, at(`spec.hostnames[${i}]`), `${JSON.stringify(h)} is not a hostname (RFC 1123, one leading "*." label at most; no IPs)`);
  });
  const rules = r.spec.rules.map((rule, i) => {
    const base = `spec.rules[${i}]`;
    const filters = readFilters(rule.filters, base, m, path, ctx);
    // The CRD's CEL rules: a redirect and a rewrite exclude each other, and a redirect takes no backendRefs.
    const types = new Set(rule.filters.map((f) => f.type));
    if (types.has('RequestRedirect') && types.has('URLRewrite')) errorAt(ctx, at(`${base}.filters`), 'may specify either RequestRedirect or URLRewrite, but not both');
    if (types.has('RequestRedirect') && rule.backendRefs.length > 0) errorAt(ctx, at(`${base}.backendRefs`), 'RequestRedirect filter must not be used together with backendRefs');
    const matches = readMatches(rule, base, m, path, ctx);
    const backendRefs = rule.backendRefs.flatMap((b, j) => {
      const field = `${base}.backendRefs[${j}]`;
      if (b.group !== '' || b.kind !== 'Service') {
        ctx.sink.warn(m.locate(field), `${path ? `${path}.` : ''}${field}`, `backend ${b.group}/${b.kind} is not modelled: ignored`);
        return [];
      }
      if (b.port === undefined) errorAt(ctx, at(`${field}.port`), 'must have port for Service reference');
      const other = b.namespace !== undefined && b.namespace !== namespace ? { namespace: b.namespace } : {};
      // HTTPBackendRef.filters run only for requests forwarded to this backend (support: implementation-specific).
      const own = readFilters(b.filters, field, m, path, ctx);
      return [{ name: b.name, ...other, ...(b.port === undefined ? {} : { port: b.port }), weight: b.weight, ...(own.length ? { filters: own } : {}) }];
    });
    return { matches, backendRefs, ...(filters.length ? { filters } : {}) };
  });
  const spec: HttpRouteSpec = {
    name: m.name,
    namespace,
    hostnames: r.spec.hostnames.map((h) => h.toLowerCase()),
    parentRefs: r.spec.parentRefs.map((p) => ({ name: p.name, namespace: p.namespace ?? namespace })),
    rules,
    src: m.src,
  };
  ctx.prov.set(spec, manifestOrigin(m, path));
  return spec;
}

/** A rule's matches (none: PathPrefix `/`, the CRD's default); a RegularExpression match is reported and left out. */
function readMatches(rule: RuleRec, base: string, m: Manifest, path: string, ctx: Ctx): HttpRouteMatchSpec[] {
  if (rule.matches.length === 0) return [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }];
  return rule.matches.flatMap((x, k) => {
    const field = `${base}.matches[${k}]`;
    const full = `${path ? `${path}.` : ''}${field}`;
    if (!x.path.value.startsWith('/')) errorAt(ctx, { path: `${full}.path.value`, src: m.locate(`${field}.path.value`) }, `${JSON.stringify(x.path.value)} must be an absolute path`);
    if (x.path.type === 'RegularExpression' || [...x.headers, ...x.queryParams].some((h) => h.type === 'RegularExpression')) {
      ctx.sink.warn(m.locate(field), full, 'RegularExpression matches are implementation-specific: not modelled, this match is ignored');
      return [];
    }
    const pair = (h: NameValue) => ({ name: h.name, value: h.value });
    return [{ path: { type: x.path.type as 'Exact' | 'PathPrefix', value: x.path.value }, ...(x.method === undefined ? {} : { method: x.method }), headers: x.headers.map(pair), queryParams: x.queryParams.map(pair) }];
  });
}

/** GatewaySpecAddress / GatewayStatusAddress: `type` defaults to IPAddress. */
const gatewayAddress = obj({ type: def(str(), 'IPAddress'), value: req(str()) }, { noSrc: true });
type AddressRec = { type: string; value: string };

const gatewayBody = obj(
  {
    spec: sub(
      obj(
        {
          gatewayClassName: req(str()),
          listeners: many(
            obj(
              {
                name: req(str()),
                hostname: opt(str()),
                port: req(port),
                protocol: req(str()),
                tls: opt(raw('map')),
                allowedRoutes: opt(obj({ namespaces: opt(obj({ from: def(oneOf(['All', 'Same', 'Selector']), 'Same'), selector: opt(raw('map')) }, { noSrc: true })), kinds: opt(raw('seq')) }, { noSrc: true })),
              },
              { noSrc: true },
            ),
          ),
          addresses: opt(list(gatewayAddress)),
          infrastructure: opt(raw('map')),
        },
        { noSrc: true },
      ),
    ),
    status: opt(obj({ addresses: opt(list(gatewayAddress)), conditions: opt(raw('seq')), listeners: opt(raw('seq')) }, { noSrc: true })),
  },
  { noSrc: true },
);

/** A Gateway, or undefined after reporting why it cannot be read. */
export function readGateway(m: Manifest, doc: PMap, path: string, ctx: Ctx): GatewaySpec | undefined {
  type Listener = { name: string; hostname?: string; port: number; protocol: string; allowedRoutes?: { namespaces?: { from: 'Same' | 'All' | 'Selector'; selector?: { node: PValue } } } };
  const r = validateClean(gatewayBody, doc, path, ctx) as { spec: { gatewayClassName: string; listeners: Listener[]; addresses?: AddressRec[] }; status?: { addresses?: AddressRec[] } } | undefined;
  if (r === undefined) return undefined;
  const listeners = r.spec.listeners.map((l, i) => {
    const field = `spec.listeners[${i}]`;
    if (l.hostname !== undefined && !HOSTNAME.test(l.hostname)) {
      errorAt(ctx, { path: path ? `${path}.${field}.hostname` : `${field}.hostname`, src: m.locate(`${field}.hostname`) }, `${JSON.stringify(l.hostname)} is not a hostname (RFC 1123, one leading "*." label at most; no IPs)`);
    }
    const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
    const selector = from === 'Selector' ? readNamespaceSelector(m, l.allowedRoutes?.namespaces?.selector, path, `${field}.allowedRoutes.namespaces.selector`, ctx) : undefined;
    return { name: l.name, ...(l.hostname === undefined ? {} : { hostname: l.hostname.toLowerCase() }), port: l.port, protocol: l.protocol, from, ...(selector ? { selector } : {}) };
  });
  const read = readAddresses(m, path, ctx, [
    ['spec', r.spec.addresses ?? []],
    ['status', r.status?.addresses ?? []],
  ]);
  const spec: GatewaySpec = {
    name: m.name,
    namespace: m.namespace ?? 'default',
    className: r.spec.gatewayClassName,
    listeners,
    ...(read.addresses.length ? { addresses: read.addresses } : {}),
    ...(read.unsupported !== undefined ? { unsupportedAddress: read.unsupported } : {}),
    src: m.src,
  };
  ctx.prov.set(spec, manifestOrigin(m, path));
  return spec;
}

/**
 * A Gateway's addresses (Gateway API GatewaySpecAddress): `IPAddress` (core; an IPv4 address here) and
 * `Hostname` are modelled; another type (a domain-prefixed NamedAddress, implementation-specific) is one the
 * modelled Gateway does not support, so the Gateway is not accepted (Accepted False, reason
 * UnsupportedAddress), which is reported. A value that is not of its type is an error.
 */
function readAddresses(m: Manifest, path: string, ctx: Ctx, lists: readonly (readonly ['spec' | 'status', readonly AddressRec[]])[]): { addresses: NonNullable<GatewaySpec['addresses']>; unsupported?: string } {
  const addresses: { type: 'IPAddress' | 'Hostname'; value: string; from: 'spec' | 'status' }[] = [];
  let unsupported: string | undefined;
  for (const [from, list] of lists) {
    list.forEach((a, i) => {
      const field = `${from}.addresses[${i}]`;
      const at = { path: path ? `${path}.${field}` : field, src: m.locate(field) };
      if (a.type !== 'IPAddress' && a.type !== 'Hostname') {
        if (from === 'spec') unsupported ??= `address type ${a.type} (${a.value}) is not supported: the Gateway is not accepted (Accepted False, UnsupportedAddress) and takes no request`;
        if (from === 'spec') ctx.sink.warn(at.src, at.path, unsupported!);
        return;
      }
      const bad = a.type === 'IPAddress' ? ipv4(a.value) : HOSTNAME.test(a.value) && !a.value.startsWith('*.') ? undefined : `${JSON.stringify(a.value)} is not a hostname`;
      if (bad !== undefined) errorAt(ctx, { ...at, path: `${at.path}.value` }, bad);
      else if (!addresses.some((x) => x.value === a.value)) addresses.push({ type: a.type, value: a.value.toLowerCase(), from });
    });
  }
  return { addresses, ...(unsupported !== undefined ? { unsupported } : {}) };
}

/**
 * A listener's namespace selector (Gateway API RouteNamespaces.selector: "must be specified when From is
 * set to Selector"), validated as a Kubernetes LabelSelector; undefined after reporting a problem.
 */
function readNamespaceSelector(m: Manifest, raw: { node: PValue } | undefined, path: string, field: string, ctx: Ctx): LabelSelector | undefined {
  const at = (f: string, part?: FieldPart) => ({ path: path ? `${path}.${f}` : f, src: m.locate(f, part) });
  if (raw === undefined) {
    errorAt(ctx, at(field), 'required when allowedRoutes.namespaces.from is Selector');
    return undefined;
  }
  const r = readLabelSelector(toJson(raw.node), field);
  if (r.ok) return r.selector;
  for (const e of r.errors) errorAt(ctx, at(e.path, e.part), e.message);
  return undefined;
}

const grantBody = obj(
  {
    spec: sub(
      obj(
        {
          from: many(obj({ group: req(str()), kind: req(str()), namespace: req(str()) }, { noSrc: true })),
          to: many(obj({ group: req(str()), kind: req(str()), name: opt(str()) }, { noSrc: true })),
        },
        { noSrc: true },
      ),
    ),
  },
  { noSrc: true },
);

/** A ReferenceGrant (gateway.networking.k8s.io v1beta1), or undefined after reporting why it cannot be read. */
export function readReferenceGrant(m: Manifest, doc: PMap, path: string, ctx: Ctx): ReferenceGrantSpec | undefined {
  const r = validateClean(grantBody, doc, path, ctx) as { spec: Pick<ReferenceGrantSpec, 'from' | 'to'> } | undefined;
  if (r === undefined) return undefined;
  (['from', 'to'] as const).forEach((f) => {
    if (r.spec[f].length === 0) errorAt(ctx, { path: path ? `${path}.spec.${f}` : `spec.${f}`, src: m.locate(`spec.${f}`) }, 'must list at least one entry');
  });
  const spec: ReferenceGrantSpec = { name: m.name, namespace: m.namespace ?? 'default', from: r.spec.from, to: r.spec.to, src: m.src };
  ctx.prov.set(spec, manifestOrigin(m, path));
  return spec;
}
