// compile: a PolicyModel's endpoints and addresses into identity classes — pods with equal labels, ports,
// profiles and address facts (Service backends, shared addresses) collapse; CIDRs then refine them.
import type { Cidr } from '../../../lib/ipv4.js';
import type { EndpointPort, WorkloadEndpoint } from '../../../model/endpoints/types.js';
import type { PolicyModel } from '../../../model/policy/types.js';
import type { ContainerPort, Labels } from '../../../scenario/types.js';
import { backendPort } from '../../../model/policy/eval/service-match.js';
import { LabelIndex } from '../../selector/label-index.js';
import { ClassTable, KIND_EXT_ATOM, KIND_EXT_POINT, KIND_HEP, KIND_WEP, type ClassPoint, type ServiceFact } from './class-table.js';
import { ExtAtoms } from './ext-atoms.js';
import { refineByCidr } from './refine-universe.js';
import type { Identity, IpObject, Universe } from './universe.js';

/** Builds the universe and refines it by every CIDR of `cidrs` (rule nets; network sets are added here). */
export function buildUniverse(model: PolicyModel, cidrs: readonly Cidr[]): Universe {
  const { identities, identOf } = buildIdentities(model);
  const holders = addressHolders(model);
  const svc = serviceFacts(model);
  const classes = new ClassTable();
  const points: ClassPoint[] = [];
  const pointClass: number[] = [];
  const byKey = new Map<string, number>();
  const addPoint = (pt: ClassPoint, key: string, facts: readonly ServiceFact[]): number => {
    let c = byKey.get(key);
    if (c === undefined) {
      c = classes.add(pt.kind, pt.kind === KIND_WEP ? (identOf[pt.ep] as number) : pt.hep, pt.ip, facts);
      byKey.set(key, c);
    }
    const i = points.push(pt) - 1;
    pointClass.push(c);
    (classes.members[c] as number[]).push(i);
    return i;
  };
  const factsAt = (ip: number, ep: number): readonly ServiceFact[] => (ip >= 0 ? svc.byIp.get(ip) : svc.byPod.get(ep)) ?? NO_FACTS;
  const factKey = (facts: readonly ServiceFact[]): string => (facts.length === 0 ? '' : (svc.keys.get(facts) as string));
  const coloTag = (ip: number): string => (holders.colo.has(ip) ? `colo:${ip}` : '');
  const epPoint = new Int32Array(model.endpoints.length).fill(-1);
  const podByIp = new Map<number, number>();
  const hepPointByIp = new Map<number, number>();
  const extPointByIp = new Map<number, number>();
  const hostNetIp = new Map<number, number>();
  for (const [ip, heps] of holders.heps) {
    const hep = heps[0] as number;
    const facts = factsAt(ip, -1);
    hepPointByIp.set(ip, addPoint({ kind: KIND_HEP, ep: -1, hep, ip }, `h|${hep}|${factKey(facts)}|${coloTag(ip)}`, facts));
  }
  for (const e of model.endpoints) {
    const ip = e.ip ?? -1;
    const facts = factsAt(ip, e.index);
    if (!e.hostNetwork) {
      if (ip >= 0 && !podByIp.has(ip)) podByIp.set(ip, e.index);
      const key = `w|${identOf[e.index]}|${ip < 0 ? 'noip' : 'ip'}|${factKey(facts)}|${coloTag(ip)}`;
      epPoint[e.index] = addPoint({ kind: KIND_WEP, ep: e.index, hep: -1, ip }, key, facts);
    } else if (ip >= 0 && hepPointByIp.has(ip)) {
      epPoint[e.index] = hepPointByIp.get(ip) as number;
    } else if (ip < 0) {
      epPoint[e.index] = addPoint({ kind: KIND_EXT_POINT, ep: e.index, hep: -1, ip }, `e|noip|${factKey(facts)}`, facts);
    } else if (facts.length > 0 || holders.colo.has(ip)) {
      let pt = extPointByIp.get(ip);
      if (pt === undefined) {
        pt = addPoint({ kind: KIND_EXT_POINT, ep: -1, hep: -1, ip }, `e|${ip}|${factKey(facts)}|${coloTag(ip)}`, facts);
        extPointByIp.set(ip, pt);
      }
      epPoint[e.index] = pt;
    } else {
      hostNetIp.set(e.index, ip);
    }
  }
  const atoms = new ExtAtoms(classes.add(KIND_EXT_ATOM, -1, 0, []));
  const identClasses: number[][] = identities.map(() => []);
  for (let c = 0; c < classes.n; c++) if (classes.kind[c] === KIND_WEP) (identClasses[classes.ident[c] as number] as number[]).push(c);
  const objects = ipObjects(model, holders.colo);
  const u: Universe = {
    classes,
    points,
    pointClass,
    atoms,
    identities,
    identIndex: new LabelIndex(identities.map((i) => i.labels)),
    identClasses,
    objects,
    objIndex: new LabelIndex(objects.map((o) => o.labels)),
    epPoint,
    hostNetIp,
    podByIp,
    hepPointByIp,
    extPointByIp,
    heldIps: holders.all,
    cidrIds: new Map(),
    cidrs: [],
  };
  for (const s of model.networkSets) for (const c of s.nets) refineByCidr(u, c, noCopy);
  for (const c of cidrs) refineByCidr(u, c, noCopy);
  return u;
}

function noCopy(): void {}

/** Distinct (labels, named ports, profiles) of the non-hostNetwork pods, and each pod's identity. */
function buildIdentities(model: PolicyModel): { identities: Identity[]; identOf: Int32Array } {
  const identities: Identity[] = [];
  const identOf = new Int32Array(model.endpoints.length).fill(-1);
  // Hash of interned strings, then a real comparison within the bucket: string keys of ~300 characters
  // per pod cost more than everything else here.
  const strIds = new Map<string, number>();
  const sid = (s: string): number => {
    let i = strIds.get(s);
    if (i === undefined) strIds.set(s, (i = strIds.size));
    return i;
  };
  const buckets = new Map<number, number[]>();
  // Endpoints sharing their labels, ports and profiles objects (buildEndpoints shares them between pods of
  // equal content) have one identity: found by those objects before any hashing.
  const seen = new Map<object, { ports: object; profiles: object; id: number }[]>();
  for (const e of model.endpoints) {
    if (e.hostNetwork) continue;
    let same = seen.get(e.labels);
    if (!same) seen.set(e.labels, (same = []));
    const known = same.find((s) => s.ports === e.ports && s.profiles === e.profiles);
    if (known) {
      identOf[e.index] = known.id;
      continue;
    }
    const ports = e.ports.length < 2 ? e.ports : [...e.ports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol - b.protocol || a.port - b.port));
    let h = 0x811c9dc5;
    for (const k in e.labels) h = Math.imul(Math.imul(h ^ sid(k), 0x01000193) ^ sid(e.labels[k] as string), 0x01000193);
    for (const p of ports) h = Math.imul(h ^ (sid(p.name) * 65536 + p.port), 0x01000193);
    for (const p of e.profiles) h = Math.imul(h ^ sid(p), 0x01000193);
    let list = buckets.get(h);
    if (!list) buckets.set(h, (list = []));
    let id = list.find((i) => sameIdentity(identities[i] as Identity, e.labels, ports, e.profiles));
    if (id === undefined) {
      id = identities.push({ labels: e.labels, namespace: e.namespace, ports, profiles: e.profiles }) - 1;
      list.push(id);
    }
    same.push({ ports: e.ports, profiles: e.profiles, id });
    identOf[e.index] = id;
  }
  return { identities, identOf };
}

function sameIdentity(a: Identity, labels: Labels, ports: readonly EndpointPort[], profiles: readonly string[]): boolean {
  const ka = Object.keys(a.labels);
  const kb = Object.keys(labels);
  if (ka.length !== kb.length || a.ports.length !== ports.length || a.profiles.length !== profiles.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || a.labels[k] !== labels[k]) return false;
  }
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i] as EndpointPort;
    const q = a.ports[i] as EndpointPort;
    if (p.name !== q.name || p.protocol !== q.protocol || p.port !== q.port) return false;
  }
  return profiles.every((p, i) => a.profiles[i] === p);
}

interface Holders {
  /** Address → HostEndpoints owning it, in model order. */
  readonly heps: Map<number, number[]>;
  /** Addresses where the reference sees more than one object (their labels reach each other's packets). */
  readonly colo: Set<number>;
  readonly all: Set<number>;
}

function addressHolders(model: PolicyModel): Holders {
  const heps = new Map<number, number[]>();
  for (const h of model.hostEndpoints) {
    for (const ip of h.ips) {
      const list = heps.get(ip);
      if (list) list.push(h.index);
      else heps.set(ip, [h.index]);
    }
  }
  const owners = new Map<number, number>();
  const hostNet = new Set<number>();
  for (const [ip, list] of heps) owners.set(ip, list.length);
  for (const e of model.endpoints) {
    if (e.ip === undefined) continue;
    if (e.hostNetwork) hostNet.add(e.ip);
    else owners.set(e.ip, (owners.get(e.ip) ?? 0) + 1);
  }
  const colo = new Set<number>();
  for (const [ip, n] of owners) if (n >= 2 || hostNet.has(ip)) colo.add(ip);
  return { heps, colo, all: new Set([...owners.keys(), ...hostNet]) };
}

const NO_FACTS: readonly ServiceFact[] = [];

/** Service facts per address and per address-less pod; lists of equal text are one array, `keys` gives it. */
interface ServiceFacts {
  readonly byIp: Map<number, readonly ServiceFact[]>;
  readonly byPod: Map<number, readonly ServiceFact[]>;
  /** factKey of each distinct list (computed once per list, not per endpoint). */
  readonly keys: Map<readonly ServiceFact[], string>;
}

/** Service backend facts by backend address and, for backends without one, by pod. */
function serviceFacts(model: PolicyModel): ServiceFacts {
  const lists = { byIp: new Map<number, ServiceFact[]>(), byPod: new Map<number, ServiceFact[]>() };
  model.services.forEach((s, si) => {
    // The ports a Service serves on a backend depend on its container ports alone (named target ports):
    // replicas share that list, and so one fact.
    const factOf = new Map<readonly ContainerPort[], ServiceFact>();
    for (const b of s.backends) {
      const e = model.endpoints[b];
      if (!e) continue;
      let fact = factOf.get(e.containerPorts);
      if (!fact) factOf.set(e.containerPorts, (fact = { svc: si, ports: servedPorts(s, e) }));
      const map = e.ip !== undefined ? lists.byIp : lists.byPod;
      const k = e.ip ?? e.index;
      const list = map.get(k);
      // Services in order: a list stays sorted by Service; two backends on one address merge their ports.
      if (!list) map.set(k, [fact]);
      else if (list[list.length - 1]?.svc === si) list[list.length - 1] = { svc: si, ports: union(list[list.length - 1]!.ports, fact.ports) };
      else list.push(fact);
    }
  });
  const keys = new Map<readonly ServiceFact[], string>();
  const byText = new Map<string, readonly ServiceFact[]>();
  const textOf = new Map<ServiceFact, string>();
  const intern = (facts: ServiceFact[]): readonly ServiceFact[] => {
    let text = '';
    for (const f of facts) {
      let t = textOf.get(f);
      if (t === undefined) textOf.set(f, (t = factKey([f])));
      text = text === '' ? t : `${text},${t}`;
    }
    const hit = byText.get(text);
    if (hit) return hit;
    byText.set(text, facts);
    keys.set(facts, text);
    return facts;
  };
  const interned = (m: Map<number, ServiceFact[]>): Map<number, readonly ServiceFact[]> => new Map([...m].map(([k, facts]) => [k, intern(facts)]));
  return { byIp: interned(lists.byIp), byPod: interned(lists.byPod), keys };
}

/** The (protocol << 16 | port) pairs Service `s` serves on backend `e`, ascending, without repeats. */
function servedPorts(s: PolicyModel['services'][number], e: WorkloadEndpoint): number[] {
  const out: number[] = [];
  for (const sp of s.ports) {
    const p = backendPort(sp, e);
    if (p !== undefined) out.push(sp.protocol * 65536 + p);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** A list of facts as text: equal text, equal facts. */
function factKey(facts: readonly ServiceFact[]): string {
  return facts.map((f) => `${f.svc}:${f.ports.join('.')}`).join(',');
}

/** HostEndpoints, pods on shared addresses, network sets. */
function ipObjects(model: PolicyModel, colo: ReadonlySet<number>): IpObject[] {
  const out: IpObject[] = [];
  for (const h of model.hostEndpoints) out.push({ kind: 'hep', index: h.index, labels: h.labels, ips: h.ips, nets: [], ports: h.ports });
  for (const e of model.endpoints) {
    if (e.hostNetwork || e.ip === undefined || !colo.has(e.ip)) continue;
    out.push({ kind: 'pod', index: e.index, labels: e.labels, namespace: e.namespace, ips: [e.ip], nets: [], ports: e.ports });
  }
  model.networkSets.forEach((s, i) => {
    out.push({ kind: 'netset', index: i, labels: s.labels, ...(s.namespace !== undefined ? { namespace: s.namespace } : {}), ips: [], nets: s.nets, ports: [] });
  });
  return out;
}
