// emit: one `protocol bgp` block of bird.cfg, directive for directive as calico-node's
// bird.cfg.template renders a peer from confd's BirdBGPPeer (bgp_processor.go buildImport/ExportFilter).
import type { BgpPeering } from '../../model/bgp/types.js';

/** BIRD's largest int, used by confd to map route priority to LOCAL_PREF. */
export const BIRD_INT_MAX = 2147483647;
/** `preference` given to imported routes that must beat a local workload route (live migration). */
const OVERRIDE_PREFERENCE = 200;

/** The import filter body lines (joined with newline + 4 spaces, as confd does). */
function importFilter(normalPriority: number): string[] {
  return [
    `if (defined(bgp_local_pref)&&(bgp_local_pref > ${BIRD_INT_MAX - normalPriority})) then`,
    `  preference = ${OVERRIDE_PREFERENCE};`,
    'accept;',
  ];
}

/** The export filter body lines; `internal` = the peer's AS equals the local AS. */
function exportFilter(normalPriority: number, internal: boolean): string[] {
  return [
    'if (defined(source) && source = RTS_BGP && defined(bgp_local_pref)) then {',
    `  krt_metric = ${BIRD_INT_MAX} - bgp_local_pref;`,
    '} else {',
    `  if (!defined(krt_metric)) then { krt_metric = ${normalPriority}; }`,
    `  bgp_local_pref = ${BIRD_INT_MAX} - krt_metric;`,
    '}',
    `calico_export_to_bgp_peers(${internal});`,
    'reject;',
  ];
}

/** The import and export filter blocks, the same for every peer of one priority and kind: rendered once each. */
const FILTERS = new Map<string, string>();
function filters(normalPriority: number, internal: boolean): string {
  const key = `${normalPriority}/${internal}`;
  let text = FILTERS.get(key);
  if (text === undefined) {
    text = [
      '  import filter {',
      `    ${importFilter(normalPriority).join('\n    ')}`,
      '  };',
      '  export filter {',
      `    ${exportFilter(normalPriority, internal).join('\n    ')}`,
      '  };  # Only want to export routes for workloads.',
    ].join('\n');
    FILTERS.set(key, text);
  }
  return text;
}

/** Renders `protocol bgp <name> from bgp_template { … }` (no trailing newline). */
export function renderBirdPeer(p: BgpPeering, normalPriority: number): string {
  const lines = [`protocol bgp ${p.protocolName} from bgp_template {`];
  if (p.localAsSet === true) lines.push(`  local as ${p.localAs};`);
  lines.push(`  neighbor ${p.peerIp}${p.peerPort !== undefined ? ` port ${p.peerPort}` : ''} as ${p.peerAs};`);
  if (p.sourceAddress !== undefined) {
    lines.push(`  source address ${p.sourceAddress};  # The local address we use for the TCP connection`);
  }
  if (p.ttlSecurity !== undefined && p.ttlSecurity > 0) {
    lines.push('  ttl security on;', `  multihop ${p.ttlSecurity};`);
  } else {
    lines.push('  ttl security off;', '  multihop;');
  }
  lines.push(filters(normalPriority, p.peerAs === p.localAs));
  if (p.passive) lines.push('  passive on;');
  if (p.gracefulRestartTime !== undefined) lines.push(`  graceful restart time ${p.gracefulRestartTime};`);
  if (p.keepaliveTime !== undefined) lines.push(`  keepalive time ${p.keepaliveTime};`);
  if (p.rrClient && p.rrClusterId !== undefined) lines.push('  rr client;', `  rr cluster id ${p.rrClusterId};`);
  if (p.nextHopMode === 'Keep') lines.push('  next hop keep;');
  if (p.nextHopMode === 'Self') lines.push('  next hop self;');
  if (p.numAllowedLocalASNumbers !== undefined && p.numAllowedLocalASNumbers > 0) {
    lines.push(`  allow local as ${p.numAllowedLocalASNumbers};`);
  }
  lines.push('}');
  return lines.join('\n');
}
