// cli/emulate: a BIRD 1.6 configuration for a scenario's external peer (a ToR, a router outside the
// cluster): one `protocol bgp` per node that configures it, and its announcements as static routes whose
// attributes its export filter sets (AS path, origin, MED, LOCAL_PREF, communities, ORIGINATOR_ID,
// CLUSTER_LIST), as the simulation's external speaker sends them.
import { resolveBgpOptions } from '../../../engine/bgp/types.js';
import type { AnnouncementSpec, ExternalPeerSpec } from '../../../scenario/types.js';

/** The hold time the simulation gives an external peer whose spec sets none (a router's, not BIRD's 240 s). */
const DEFAULT_HOLD_S = resolveBgpOptions().externalHoldTimeS;

/** A node that peers with the external speaker. */
export interface ExternalNeighbour {
  readonly ip: string;
  readonly asNumber: number;
}

const ORIGIN = { igp: 'ORIGIN_IGP', egp: 'ORIGIN_EGP', incomplete: 'ORIGIN_INCOMPLETE' } as const;

/**
 * The export filter sees the attributes bgp_create_attrs already made (BIRD 1.6 runs the protocol's
 * import_control before the export filter), so over EBGP the path already holds the peer's own AS: it is
 * rebuilt — the announced path, then the own AS in front unless the path starts with it (as the
 * simulation's external speaker sends it).
 */
function setAttrs(a: AnnouncementSpec, ownAs: number | undefined): string[] {
  const out = [`bgp_origin = ${ORIGIN[a.origin]};`, 'bgp_path = +empty+;'];
  const path = ownAs !== undefined && a.asPath[0] !== ownAs ? [ownAs, ...a.asPath] : a.asPath;
  for (const as of [...path].reverse()) out.push(`bgp_path.prepend(${as});`);
  if (a.med !== undefined) out.push(`bgp_med = ${a.med};`);
  if (a.localPref !== undefined) out.push(`bgp_local_pref = ${a.localPref};`);
  for (const c of a.communities) out.push(`bgp_community.add((${c.split(':').join(',')}));`);
  if (a.originatorId !== undefined) out.push(`bgp_originator_id = ${a.originatorId};`);
  for (const c of [...a.clusterList].reverse()) out.push(`bgp_cluster_list.add(${c});`);
  return out;
}

/** The whole bird.cfg of one external peer. */
export function externalPeerConfig(spec: ExternalPeerSpec, neighbours: readonly ExternalNeighbour[]): string {
  const lines = [`router id ${spec.routerId ?? spec.peerIP};`, 'protocol device { scan time 2; }', 'protocol direct { interface "*"; }'];
  lines.push('protocol kernel { learn; scan time 2; import all; export none; }');
  lines.push('protocol static announced {');
  for (const a of spec.announce) lines.push(`  route ${a.prefix} blackhole;`);
  lines.push('}');
  for (const [name, own] of [['announce_ibgp', undefined], ['announce_ebgp', spec.asNumber]] as const) {
    lines.push(`filter ${name} {`, '  if proto != "announced" then reject;');
    for (const a of spec.announce) lines.push(`  if net = ${a.prefix} then {`, ...setAttrs(a, own).map((s) => `    ${s}`), '    accept;', '  }');
    lines.push('  reject;', '}');
  }
  neighbours.forEach((n, i) => {
    lines.push(`protocol bgp node_${i} {`, `  local as ${spec.asNumber};`, `  neighbor ${n.ip} as ${n.asNumber};`, '  multihop;', '  gateway recursive;');
    lines.push('  import all;', `  export filter ${n.asNumber === spec.asNumber ? 'announce_ibgp' : 'announce_ebgp'};`, '  graceful restart;');
    lines.push(`  hold time ${spec.holdTime !== undefined ? Math.round(spec.holdTime / 1000) : DEFAULT_HOLD_S};`);
    if (spec.keepaliveTime !== undefined) lines.push(`  keepalive time ${Math.round(spec.keepaliveTime / 1000)};`);
    lines.push('}');
  });
  return `${lines.join('\n')}\n`;
}
