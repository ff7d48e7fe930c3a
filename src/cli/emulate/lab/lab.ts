// cli/emulate: the network namespaces of one emulation — a router namespace with one bridge per underlay
// subnet (its gateway address on the bridge, forwarding on), and a namespace per speaker joined to its
// subnet's bridge by a veth pair. Names carry a per-run prefix (`cse<pid>`) so parallel runs never
// collide; `destroy` kills every process started and deletes every namespace, whatever state it is in.
import type { ChildProcess } from 'node:child_process';
import { formatIpv4, maskOf } from '../../../lib/ipv4.js';
import { sh, trySh } from './sh.js';

export interface Host {
  readonly ns: string;
  readonly ip: number;
  readonly prefixLen: number;
  readonly gateway: number;
}

export class Lab {
  readonly prefix = `cse${process.pid}`;
  readonly router = `${this.prefix}-r`;
  private readonly namespaces: string[] = [];
  private readonly bridges = new Map<string, string>();
  readonly procs: ChildProcess[] = [];
  private hosts = 0;

  constructor() {
    this.addNs(this.router);
    sh('ip', ['netns', 'exec', this.router, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
  }

  private addNs(ns: string): void {
    sh('ip', ['netns', 'add', ns]);
    this.namespaces.push(ns);
    sh('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  }

  /** The bridge of subnet base/len in the router namespace, made on first use with `gateway` on it. */
  private bridge(base: number, len: number, gateway: number): string {
    const key = `${base}/${len}`;
    const known = this.bridges.get(key);
    if (known !== undefined) return known;
    const br = `br${this.bridges.size}`;
    sh('ip', ['-n', this.router, 'link', 'add', br, 'type', 'bridge']);
    sh('ip', ['-n', this.router, 'addr', 'add', `${formatIpv4(gateway)}/${len}`, 'dev', br]);
    sh('ip', ['-n', this.router, 'link', 'set', br, 'up']);
    this.bridges.set(key, br);
    return br;
  }

  /** A namespace with eth0 = ip/prefixLen on its subnet's bridge and a default route via the gateway. */
  addHost(name: string, ip: number, prefixLen: number, gateway: number): Host {
    const ns = `${this.prefix}-${name}`;
    this.addNs(ns);
    const mask = maskOf(prefixLen);
    const br = this.bridge((ip & mask) >>> 0, prefixLen, gateway);
    const port = `p${this.hosts++}`;
    sh('ip', ['link', 'add', `${this.prefix}a`, 'netns', ns, 'type', 'veth', 'peer', 'name', port, 'netns', this.router]);
    sh('ip', ['-n', ns, 'link', 'set', `${this.prefix}a`, 'name', 'eth0']);
    sh('ip', ['-n', ns, 'addr', 'add', `${formatIpv4(ip)}/${prefixLen}`, 'dev', 'eth0']);
    sh('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    sh('ip', ['-n', this.router, 'link', 'set', port, 'master', br, 'up']);
    sh('ip', ['-n', ns, 'route', 'add', 'default', 'via', formatIpv4(gateway)]);
    return { ns, ip, prefixLen, gateway };
  }

  /**
   * Pod addresses of a host (the dataplane check's targets) on `calipods`, one end of a veth pair inside
   * its namespace (a dummy device needs a kernel module containers often lack). Named cali* like Calico's
   * workload interfaces, so bird.cfg's `protocol direct` (interface -"cali*") ignores it as on a node.
   */
  addPods(host: Host, addrs: readonly string[]): void {
    if (addrs.length === 0) return;
    sh('ip', ['-n', host.ns, 'link', 'add', 'calipods', 'type', 'veth', 'peer', 'name', 'calipodsx']);
    for (const a of addrs) sh('ip', ['-n', host.ns, 'addr', 'add', `${a}/32`, 'dev', 'calipods']);
    sh('ip', ['-n', host.ns, 'link', 'set', 'calipodsx', 'up']);
    sh('ip', ['-n', host.ns, 'link', 'set', 'calipods', 'up']);
  }

  /** A route in the router namespace (stands in for the overlay towards a node's pod block). */
  routerRoute(prefix: string, via: string): void {
    trySh('ip', ['-n', this.router, 'route', 'replace', prefix, 'via', via]);
  }

  /** Link of a host down or up (a silent failure cuts the wire). */
  setLink(host: Host, up: boolean): void {
    sh('ip', ['-n', host.ns, 'link', 'set', 'eth0', up ? 'up' : 'down']);
  }

  /** Kills every process started (continuing stopped ones) and deletes every namespace. Idempotent. */
  destroy(): void {
    for (const p of this.procs) {
      if (p.exitCode !== null || p.signalCode !== null || p.pid === undefined) continue;
      try {
        process.kill(p.pid, 'SIGCONT');
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.procs.length = 0;
    for (const ns of this.namespaces.splice(0).reverse()) trySh('ip', ['netns', 'delete', ns]);
  }
}
