// compile: the port-dependent peer sets of a rule's destination — endpoints declaring a named port
// (Felix named-port IP sets) and the backends of a `services` match serving the packet's port.
import type { Rule } from '../../../model/policy/types.js';
import type { Selector } from '../../../lib/selector/types.js';
import { testBit } from '../../../lib/containers/bitset.js';
import type { PeerSets } from './peer-sets.js';
import type { Universe } from '../classes/universe.js';

/** A named port declared by an identity (its pods) or by an IpObject (HostEndpoint, shared-address pod). */
interface Declaration {
  readonly ident: number;
  readonly obj: number;
  readonly protocol: number;
  readonly port: number;
}

/** Named-port declarations by name. */
export class NamedPorts {
  private readonly byName = new Map<string, Declaration[]>();
  /** The distinct port numbers declared under each name (B1 declares `http` in hundreds of identities). */
  private readonly numbersByName = new Map<string, Set<number>>();
  /** Every declared port number (they cut the port space into classes). */
  readonly numbers = new Set<number>();

  constructor(u: Universe) {
    u.identities.forEach((id, i) => {
      for (const p of id.ports) this.add(p.name, { ident: i, obj: -1, protocol: p.protocol, port: p.port });
    });
    u.objects.forEach((o, i) => {
      for (const p of o.ports) this.add(p.name, { ident: -1, obj: i, protocol: p.protocol, port: p.port });
    });
  }

  private add(name: string, d: Declaration): void {
    const list = this.byName.get(name);
    if (list) list.push(d);
    else this.byName.set(name, [d]);
    let numbers = this.numbersByName.get(name);
    if (!numbers) this.numbersByName.set(name, (numbers = new Set()));
    numbers.add(d.port);
    this.numbers.add(d.port);
  }

  /** The port numbers declared under any of `names` (in any protocol). */
  numbersOf(names: readonly string[], into: Set<number>): void {
    for (const name of names) for (const p of this.numbersByName.get(name) ?? []) into.add(p);
  }

  /**
   * ORs into slot `out` the classes whose address has an endpoint declaring one of `names` as the packet's
   * (proto, port), of the rule's protocol when it has one (felix/labelindex/named_port_index.go); the
   * declaring endpoint must match `sideSel` when given.
   */
  orInto(ps: PeerSets, out: number, names: readonly string[], rule: Rule, sideSel: Selector | undefined, proto: number, port: number): void {
    const d = ps.pool.data;
    for (const name of names) {
      for (const decl of this.byName.get(name) ?? []) {
        if (decl.port !== port || decl.protocol !== proto || (rule.protocol !== undefined && rule.protocol !== decl.protocol)) continue;
        if (decl.ident >= 0) {
          if (sideSel && !testBit(ps.identBits(sideSel), decl.ident)) continue;
          for (const c of ps.u.identClasses[decl.ident] as number[]) d[out + (c >>> 5)] |= 1 << (c & 31);
        } else {
          if (sideSel && !testBit(ps.objBits(sideSel), decl.obj)) continue;
          const src = ps.objectSlot(decl.obj);
          for (let w = 0; w < ps.pool.words; w++) d[out + w] |= d[src + w] as number;
        }
      }
    }
  }
}

/** ORs into `out` the classes holding a backend of Service `svc` (any port when `proto` is -1). */
export function orServiceBackends(ps: PeerSets, out: number, svc: number, proto: number, port: number): void {
  const { classes } = ps.u;
  const d = ps.pool.data;
  const want = proto * 65536 + port;
  for (let c = 0; c < classes.n; c++) {
    for (const f of classes.services[c] ?? []) {
      if (f.svc !== svc) continue;
      if (proto < 0 || f.ports.includes(want)) d[out + (c >>> 5)] |= 1 << (c & 31);
    }
  }
}
