// model: one BGPPeer (projectcalico.org/v3) validated and normalised — the input of confd's
// updatePeersV1. Validation follows the CRD's CEL rules in api/.../v3/bgppeer.go.
import type { Diagnostic, SourceRef } from '../../lib/diagnostics.js';
import type { Manifest } from '../../scenario/types.js';
import { parseSelector } from '../../lib/selector/parse.js';
import type { Selector } from '../../lib/selector/types.js';
import { SelectorParseError } from '../../lib/selector/types.js';
import { isIpv4, parseAsNumber, parseDurationSeconds, parsePeerAddress } from './bgp-values.js';
import { specReader, type SpecReader } from './manifest-fields.js';

export type NextHopMode = 'Auto' | 'Self' | 'Keep';

/** A BGPPeer as confd uses it. Neither `node` nor `nodeSelector` = a global peer (all nodes). */
export interface PeerRule {
  readonly name: string;
  readonly node?: string;
  readonly nodeSelector?: Selector;
  /** IPv4 peer address (`peerIP` without its port). */
  readonly peerIp?: string;
  /** Port from `peerIP` `ip:port`; 0 when none. */
  readonly peerPort: number;
  /** Peer AS; 0 when unset (peerSelector peers take each remote node's AS). */
  readonly asNumber: number;
  readonly peerSelector?: Selector;
  readonly localAs?: number;
  readonly sourceAddress: 'UseNodeIP' | 'None';
  readonly keepOriginalNextHop: boolean;
  readonly nextHopMode?: NextHopMode;
  /** `ttlSecurity` hop count; 0 = off. */
  readonly ttlSecurity: number;
  readonly numAllowedLocalAs: number;
  readonly reachableBy?: string;
  /** Seconds. */
  readonly maxRestartTime?: number;
  /** Seconds. */
  readonly keepaliveTime?: number;
  /** `reversePeering: Manual`: no automatic reverse peerings. */
  readonly reverseManual: boolean;
  /** Display name of the remote for peerIP peers (BGPPeer name or external peer name). */
  readonly remoteName: string;
  readonly origin: SourceRef;
}

/** Parses a selector field; reports and returns undefined when invalid. */
export function selectorField(r: SpecReader, field: string): Selector | undefined {
  const text = r.string(field);
  if (text === undefined) return undefined;
  try {
    return parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) r.error(field, e.message);
    else throw e;
    return undefined;
  }
}

/** Validates one BGPPeer manifest; undefined when it is invalid or not modelled (diagnostics say why). */
export function bgpPeerRule(m: Manifest, out: Diagnostic[]): PeerRule | undefined {
  const r = specReader(m, out);
  const before = out.filter((d) => d.severity === 'error').length;
  if (r.has('node') && r.has('nodeSelector')) r.error('nodeSelector', 'node and nodeSelector cannot both be set');
  if (r.has('peerIP') && r.has('peerSelector')) r.error('peerSelector', 'peerIP and peerSelector cannot both be set');
  if (r.has('peerSelector') && r.has('asNumber') && r.raw('asNumber') !== 0) {
    r.error('asNumber', 'asNumber must be empty when peerSelector is set (each remote node uses its own AS)');
  }
  if (r.has('localWorkloadSelector')) {
    r.warn('localWorkloadSelector', 'local workload peers are not modelled; peer ignored');
    return undefined;
  }
  if (!r.has('peerIP') && !r.has('peerSelector')) r.error('', 'a peer needs peerIP (with asNumber) or peerSelector');
  const node = r.string('node');
  const nodeSelector = selectorField(r, 'nodeSelector');
  const peerSelector = selectorField(r, 'peerSelector');
  let peerIp: string | undefined;
  let peerPort = 0;
  let asNumber = 0;
  if (r.has('peerIP') && !r.has('peerSelector')) {
    const addr = parsePeerAddress(r.string('peerIP') ?? '');
    if (addr === undefined) r.error('peerIP', 'must be an IP address, ip:port or [ipv6]:port');
    else if (addr.family === 6) {
      r.warn('peerIP', 'IPv6 peers are not modelled (only bird.cfg, IPv4, is derived); peer ignored');
      return undefined;
    } else {
      peerIp = addr.ip;
      peerPort = addr.port;
    }
    if (!r.has('asNumber')) r.error('asNumber', 'a peerIP peer needs asNumber');
    else asNumber = asField(r, 'asNumber') ?? 0;
  }
  const localAs = r.has('localASNumber') ? asField(r, 'localASNumber') : undefined;
  const keepOriginalNextHop = r.boolean('keepOriginalNextHop') ?? false;
  const nextHopMode = r.oneOf('nextHopMode', ['Auto', 'Self', 'Keep'] as const);
  if (keepOriginalNextHop && nextHopMode !== undefined) {
    r.error('keepOriginalNextHop', 'keepOriginalNextHop and nextHopMode cannot both be set');
  }
  const reachableBy = r.string('reachableBy');
  if (reachableBy !== undefined && (peerIp === undefined || !isIpv4(reachableBy))) {
    r.error('reachableBy', 'reachableBy needs peerIP and must be an address of the same family');
  }
  const maxRestartTime = durationField(r, 'maxRestartTime');
  const keepaliveTime = durationField(r, 'keepaliveTime');
  const ttlSecurity = r.integer('ttlSecurity', 0, 255) ?? 0;
  const numAllowedLocalAs = r.integer('numAllowedLocalASNumbers', 0, 2147483647) ?? 0;
  const sourceAddress = r.oneOf('sourceAddress', ['UseNodeIP', 'None'] as const) ?? 'UseNodeIP';
  const reverse = r.oneOf('reversePeering', ['Auto', 'Manual'] as const);
  if ((r.stringList('filters') ?? []).length > 0) r.warn('filters', 'BGPFilters are not modelled; the peer is derived without them');
  if (r.has('password')) r.warn('password', 'BGP passwords are not modelled (secrets are not read)');
  if (out.filter((d) => d.severity === 'error').length > before) return undefined;
  return {
    name: m.name,
    ...(node !== undefined ? { node } : {}),
    ...(nodeSelector !== undefined ? { nodeSelector } : {}),
    ...(peerIp !== undefined ? { peerIp } : {}),
    peerPort,
    asNumber,
    ...(peerSelector !== undefined ? { peerSelector } : {}),
    ...(localAs !== undefined ? { localAs } : {}),
    sourceAddress,
    keepOriginalNextHop,
    ...(nextHopMode !== undefined ? { nextHopMode } : {}),
    ttlSecurity,
    numAllowedLocalAs,
    ...(reachableBy !== undefined ? { reachableBy } : {}),
    ...(maxRestartTime !== undefined ? { maxRestartTime } : {}),
    ...(keepaliveTime !== undefined ? { keepaliveTime } : {}),
    reverseManual: reverse === 'Manual',
    remoteName: m.name,
    origin: m.src,
  };
}

function asField(r: SpecReader, field: string): number | undefined {
  const as = parseAsNumber(r.raw(field));
  if (as === undefined) r.error(field, 'AS number must be 1..4294967295 or dotted a.b');
  return as;
}

function durationField(r: SpecReader, field: string): number | undefined {
  if (!r.has(field)) return undefined;
  const s = parseDurationSeconds(r.raw(field));
  if (s === undefined) r.error(field, 'must be a duration such as 30s or 2m');
  return s;
}
