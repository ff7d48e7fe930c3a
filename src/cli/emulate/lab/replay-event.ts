// cli/emulate: one timeline event of a tenant replayed on the real daemons — `node-down` as the node's
// failure mode (silent: link down and SIGSTOP; clean: SIGTERM; crash: SIGKILL) and `bgp-peer-down/up` as
// `birdc disable/enable` of the node's protocol for that peer (a BGPPeer session shut down or restarted).
// Any other event kind cannot be replayed on BIRD alone.
import { formatIpv4 } from '../../../lib/ipv4.js';
import type { ModelCluster, Model } from '../../../model/types.js';
import type { TimelineEventSpec } from '../../../scenario/types.js';
import type { BirdDaemon } from './bird-process.js';
import type { Host, Lab } from './lab.js';

/** A running speaker as the replay needs it. */
export interface ReplayTarget {
  readonly host: Host;
  readonly daemon: BirdDaemon;
  /** Protocol name → peer address, from the node's configuration. */
  readonly peers: ReadonlyMap<string, string>;
  live: boolean;
}

/** The address of `peer` (an external peer's name or a node of the cluster), or undefined. */
function peerAddress(model: Model, cluster: ModelCluster, peer: string): string | undefined {
  const ext = cluster.spec.calico.peers.find((p) => p.name === peer);
  if (ext !== undefined) return ext.peerIP;
  const id = model.nodeByName.get(peer.includes('/') ? peer : `${cluster.name}/${peer}`);
  return id !== undefined ? formatIpv4(model.nodes[id]!.ip) : undefined;
}

/** Replays `ev` on `r` (the daemon of the event's node); returns what was done, or undefined when the
 *  event is not one BIRD can replay. */
export function replayEvent(lab: Lab, model: Model, cluster: ModelCluster, ev: TimelineEventSpec, r: ReplayTarget): string | undefined {
  if (ev.kind === 'node-down') {
    r.live = false;
    const mode = ev.mode ?? 'silent';
    if (mode === 'silent') {
      lab.setLink(r.host, false);
      r.daemon.signal('SIGSTOP');
    } else r.daemon.signal(mode === 'clean' ? 'SIGTERM' : 'SIGKILL');
    return mode;
  }
  if (ev.kind !== 'bgp-peer-down' && ev.kind !== 'bgp-peer-up') return undefined;
  const ip = peerAddress(model, cluster, ev.peer ?? '');
  const protocol = [...r.peers].find(([, a]) => a === ip)?.[0];
  if (protocol === undefined) return undefined;
  r.daemon.setProtocol(protocol, ev.kind === 'bgp-peer-up');
  return `${ev.kind === 'bgp-peer-up' ? 'enable' : 'disable'} ${protocol}`;
}
