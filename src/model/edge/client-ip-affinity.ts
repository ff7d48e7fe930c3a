// model: kube-proxy's `sessionAffinity: ClientIP` state — per Service and client address, the endpoint the
// client was sent to and when it last connected; a later connection goes back to it while the entry is
// fresh and the endpoint still usable. Mutable, deterministic: same connections in the same order, same picks.

/** Why a connection went to the endpoint it did. */
export type AffinityOutcome = 'pinned' | 'new' | 'expired' | 'endpoint-gone';

/**
 * kube-proxy's iptables proxier writes one `-m recent --name KUBE-SEP-… --set` per endpoint chain and, in
 * the Service chain, `-m recent --rcheck --seconds <timeoutSeconds> --reap` jumps back to the endpoint a
 * client used last (pkg/proxy/iptables/proxier.go). The entry lives in the endpoint's chain, so when the
 * endpoint leaves the Service its entry goes with it and the client is balanced afresh; `--seconds` counts
 * from the client's last packet, so every connection renews it.
 */
export class ClientIpAffinity {
  private readonly entries = new Map<string, { endpoint: number; lastMs: number }>();

  /** The endpoint of a connection at `nowMs` from `client` to `service`, among `candidates` (by id). */
  pick<E extends { readonly id: number }>(service: string, client: number, candidates: readonly E[], nowMs: number, timeoutS: number, balance: (c: readonly E[]) => E | undefined): { endpoint: E | undefined; outcome: AffinityOutcome } {
    const key = `${service}|${client >>> 0}`;
    const entry = this.entries.get(key);
    const fresh = entry !== undefined && nowMs - entry.lastMs <= timeoutS * 1000;
    const kept = fresh ? candidates.find((e) => e.id === entry.endpoint) : undefined;
    const endpoint = kept ?? balance(candidates);
    if (endpoint === undefined) this.entries.delete(key);
    else this.entries.set(key, { endpoint: endpoint.id, lastMs: nowMs });
    const outcome: AffinityOutcome = kept ? 'pinned' : entry === undefined ? 'new' : fresh ? 'endpoint-gone' : 'expired';
    return { endpoint, outcome };
  }
}
