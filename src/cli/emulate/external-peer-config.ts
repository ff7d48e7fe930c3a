// cli/emulate: a BIRD 1.6 configuration for a scenario's external peer (a ToR, a router outside the
// cluster): one `protocol bgp` per node that configures it, and its announcements as static routes whose
// attributes its export filter sets (AS path, origin, MED, LOCAL_PREF, communities, ORIGINATOR_ID,
// CLUSTER_LIST), as the simulation's external speaker sends them.
import type { AnnouncementSpec, ExternalPeerSpec } from '../../scenario/types.js';

/** A node that peers with the external speaker. */
export interface ExternalNeighbour {
  readonly ip: string;
  readonly asNumber: number;
}

const ORIGIN = { igp: 'ORIGIN_IGP', egp: 'ORIGIN_EGP', incomplete: 'ORIGIN_INCOMPLETE' } as const;

function setAttrs(a: AnnouncementSpec): string[] {
  const out = [`bgp_origin = ${ORIGIN[a.origin]};`];
  // bgp_path.prepend puts each AS in front: prepend the given path from its end.
  for (const as of [...a.asPath].reverse()) out.push(`bgp_path.prepend(${as});`);
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
  lines.push('}', 'filter announce_out {', '  if proto != "announced" then reject;');
  for (const a of spec.announce) lines.push(`  if net = ${a.prefix} then {`, ...setAttrs(a).map((s) => `    ${s}`), '    accept;', '  }');
  lines.push('  reject;', '}');
  neighbours.forEach((n, i) => {
    lines.push(`protocol bgp node_${i} {`, `  local as ${spec.asNumber};`, `  neighbor ${n.ip} as ${n.asNumber};`, '  multihop;', '  gateway recursive;');
    lines.push('  import all;', '  export filter announce_out;', '  graceful restart;');
    if (spec.holdTime !== undefined) lines.push(`  hold time ${Math.round(spec.holdTime / 1000)};`);
    if (spec.keepaliveTime !== undefined) lines.push(`  keepalive time ${Math.round(spec.keepaliveTime / 1000)};`);
    lines.push('}');
  });
  return `${lines.join('\n')}\n`;
}
