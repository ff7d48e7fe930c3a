// engine: what certificates that do not verify do to the network, as state other modules read — Felix cut
// off from Typha (programming frozen; a node restarted meanwhile has no dataplane), a node NotReady, Calico
// IPAM stopped in etcd mode, HTTPS failing at the handshake — each a window on the timeline.
import type { CertModel } from '../../model/pki/types.js';

export type EffectKind = 'felix-disconnected' | 'dataplane-lost' | 'node-not-ready' | 'ipam-stopped' | 'https-handshake-fails';

/** A consequence from `from` to `to` (undefined while it lasts). */
export interface EffectWindow {
  readonly kind: EffectKind;
  readonly cluster: string;
  readonly node?: string;
  readonly host?: string;
  /** The certificate that caused it (the first to break). */
  readonly certificate: string;
  readonly from: number;
  readonly to?: number;
}

interface Open {
  readonly kind: EffectKind;
  readonly key: string;
  readonly cluster: string;
  readonly node?: string;
  readonly host?: string;
  readonly certificate: string;
  readonly from: number;
}

/** Callbacks into the platform run. */
export interface EffectHooks {
  /** A node just became NotReady (its kubelet or the API server certificate stopped verifying). */
  readonly nodeNotReady?: (node: number) => void;
}

/** Consequence state of every node, cluster and Ingress host. */
export class PkiEffects {
  /** Broken Typha/Felix certificates affecting each node; > 0 = Felix disconnected from Typha. */
  private readonly cut: Int32Array;
  /** Since when Felix is disconnected (-1 when connected). */
  readonly frozenSince: Float64Array;
  /** 1 when the node restarted while disconnected: Felix never programmed its dataplane. */
  readonly dataplaneLost: Uint8Array;
  /** Broken kubelet/API server certificates affecting each node; > 0 = NotReady. */
  private readonly sick: Int32Array;
  private readonly ipamCut: Int32Array;
  private readonly hostCut = new Map<string, number>();
  private readonly open = new Map<string, Open>();
  readonly windows: EffectWindow[] = [];

  constructor(
    private readonly certs: readonly CertModel[],
    private readonly clusterNames: readonly string[],
    private readonly clusterNodes: readonly (readonly number[])[],
    private readonly nodeNames: readonly string[],
    private readonly hooks: EffectHooks = {},
  ) {
    const n = nodeNames.length;
    this.cut = new Int32Array(n);
    this.frozenSince = new Float64Array(n).fill(-1);
    this.dataplaneLost = new Uint8Array(n);
    this.sick = new Int32Array(n);
    this.ipamCut = new Int32Array(clusterNames.length);
  }

  /** A certificate started (`broken`) or stopped failing to verify. */
  certChanged(i: number, broken: boolean, now: number): void {
    const c = this.certs[i]!;
    const delta = broken ? 1 : -1;
    const nodes = c.node >= 0 ? [c.node] : this.clusterNodes[c.cluster]!;
    switch (c.role) {
      case 'typha':
      case 'felix':
        for (const n of nodes) this.setCut(n, delta, c, now);
        return;
      case 'kubelet':
      case 'apiserver':
        for (const n of nodes) this.setSick(n, delta, c, now);
        return;
      case 'calico-etcd': {
        const was = this.ipamCut[c.cluster]!;
        this.ipamCut[c.cluster] = was + delta;
        this.toggle(was, was + delta, { kind: 'ipam-stopped', key: `ipam/${c.cluster}`, cluster: c.clusterName, certificate: c.name }, now);
        return;
      }
      case 'ingress': {
        const host = c.host ?? c.name;
        const was = this.hostCut.get(host) ?? 0;
        this.hostCut.set(host, was + delta);
        this.toggle(was, was + delta, { kind: 'https-handshake-fails', key: `https/${host}`, cluster: c.clusterName, host, certificate: c.name }, now);
        return;
      }
      default:
        return;
    }
  }

  /** A node came back up: while Felix is cut off from Typha it programs nothing, so its pods have no network. */
  nodeRestarted(node: number, now: number): void {
    if (this.cut[node]! > 0 && !this.dataplaneLost[node]) {
      this.dataplaneLost[node] = 1;
      const cluster = this.clusterOfNode(node);
      this.begin({ kind: 'dataplane-lost', key: `dataplane/${node}`, cluster: this.clusterNames[cluster]!, node: this.nodeNames[node]!, certificate: this.openOf(`felix/${node}`)?.certificate ?? '' }, now);
    }
  }

  /** Whether a pod created at `createdAt` on `node` has a programmed dataplane; the reason when not. */
  dataplaneOf(node: number, createdAt: number): string | undefined {
    if (node < 0) return undefined;
    const since = this.frozenSince[node]!;
    const cause = this.openOf(`felix/${node}`)?.certificate;
    if (this.dataplaneLost[node]) return `${this.nodeNames[node]} restarted while Felix could not connect to Typha (certificate ${cause} does not verify since t=${since / 1000}s): no routes or policy were programmed`;
    if (since >= 0 && createdAt > since) return `Felix on ${this.nodeNames[node]} is cut off from Typha since t=${since / 1000}s (certificate ${cause}): the pod started after that was never programmed`;
    return undefined;
  }

  /** False while the node's kubelet or its API server presents a certificate that does not verify. */
  ready(node: number): boolean {
    return this.sick[node] === 0;
  }

  /** Why new pods of a cluster get no address (Calico in etcd mode without a valid etcd client certificate). */
  ipamBlocked(cluster: number): string | undefined {
    return this.ipamCut[cluster]! > 0 ? `Calico IPAM cannot reach etcd: certificate ${this.openOf(`ipam/${cluster}`)?.certificate} does not verify` : undefined;
  }

  /** Why an HTTPS handshake for `host` fails (undefined when it succeeds). */
  httpsFailure(host: string): string | undefined {
    return (this.hostCut.get(host) ?? 0) > 0 ? `TLS handshake fails: the certificate ${this.openOf(`https/${host}`)?.certificate} for ${host} does not verify` : undefined;
  }

  /** Every window so far, closed and still open. */
  windowsSoFar(): EffectWindow[] {
    const still = [...this.open.values()].map(({ key: _key, ...w }) => w);
    return [...this.windows, ...still].sort((a, b) => a.from - b.from || a.kind.localeCompare(b.kind) || (a.node ?? a.host ?? a.cluster).localeCompare(b.node ?? b.host ?? b.cluster));
  }

  private setCut(node: number, delta: number, c: CertModel, now: number): void {
    const was = this.cut[node]!;
    this.cut[node] = was + delta;
    const key = `felix/${node}`;
    if (was === 0 && delta > 0) {
      this.frozenSince[node] = now;
      this.begin({ kind: 'felix-disconnected', key, cluster: c.clusterName, node: this.nodeNames[node]!, certificate: c.name }, now);
    } else if (was + delta === 0) {
      this.frozenSince[node] = -1;
      this.end(key, now);
      if (this.dataplaneLost[node]) {
        this.dataplaneLost[node] = 0;
        this.end(`dataplane/${node}`, now);
      }
    }
  }

  private setSick(node: number, delta: number, c: CertModel, now: number): void {
    const was = this.sick[node]!;
    this.sick[node] = was + delta;
    this.toggle(was, was + delta, { kind: 'node-not-ready', key: `ready/${node}`, cluster: c.clusterName, node: this.nodeNames[node]!, certificate: c.name }, now);
    if (was === 0 && delta > 0) this.hooks.nodeNotReady?.(node);
  }

  private toggle(was: number, now_: number, w: Omit<Open, 'from'>, now: number): void {
    if (was === 0 && now_ > 0) this.begin(w, now);
    else if (was > 0 && now_ === 0) this.end(w.key, now);
  }

  private begin(w: Omit<Open, 'from'>, now: number): void {
    if (!this.open.has(w.key)) this.open.set(w.key, { ...w, from: now });
  }

  private end(key: string, now: number): void {
    const o = this.open.get(key);
    if (o === undefined) return;
    this.open.delete(key);
    const { key: _key, ...w } = o;
    this.windows.push({ ...w, to: now });
  }

  private openOf(key: string): Open | undefined {
    return this.open.get(key);
  }

  private clusterOfNode(node: number): number {
    return this.clusterNodes.findIndex((ns) => ns.includes(node));
  }
}
