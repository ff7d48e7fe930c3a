// model: whether a packet end is in a rule selector's IP set, as Felix builds it: the IPs of the workload
// and host endpoints the selector matches plus the CIDRs of the (Global)NetworkSets it matches.
import { cidrContains } from '../../../lib/ipv4.js';
import type { PolicyModel } from '../types.js';
import type { Selector } from '../../../lib/selector/types.js';
import type { Assumptions } from './assumptions.js';
import { modelIndex } from './model-index.js';
import { unknownKeys, type PeerInfo } from './peer-info.js';
import { triMatch } from './tri-match.js';

export interface MembershipCtx {
  readonly model: PolicyModel;
  readonly undeclared: ReadonlySet<string>;
  readonly a: Assumptions;
}

/** Labels of a namespaced object matched with unknown pcns.* keys resolved by assumption. */
export function labelsMatch(
  c: MembershipCtx,
  sel: Selector,
  labels: Readonly<Record<string, string>>,
  ns: string | undefined,
  what: string,
): boolean {
  const t = triMatch(sel.ast, labels, unknownKeys(ns, c.undeclared));
  return c.a.decide(
    t,
    `labels|${sel.toString()}|${what}`,
    `namespace "${ns ?? ''}" is not declared: whether ${what} matches selector ${sel.toString()} depends on its labels`,
  );
}

/** True when the end's address is in the selector's IP set. */
export function peerInSelector(c: MembershipCtx, sel: Selector, peer: PeerInfo): boolean {
  const { model } = c;
  if (peer.wep && labelsMatch(c, sel, peer.wep.labels, peer.wep.namespace, `pod ${peer.label}`)) return true;
  if (peer.ip === undefined) {
    // The pod's address is unknown: it might still lie in a matching network set or equal a matching host IP.
    const possible =
      model.networkSets.some((s) => s.nets.length > 0 && triMatch(sel.ast, s.labels, unknownKeys(s.namespace, c.undeclared)) !== false) ||
      model.hostEndpoints.some((h) => h.ips.length > 0 && sel.matches(h.labels));
    return c.a.decide(
      possible ? undefined : false,
      `ipsel|${sel.toString()}|${peer.label}`,
      `${peer.label} has no IP: whether it lies in a network set or host address matching ${sel.toString()} is undetermined`,
    );
  }
  const ip = peer.ip;
  const index = modelIndex(model);
  for (const e of index.podsByIp.get(ip) ?? []) {
    if (e === peer.wep) continue;
    if (labelsMatch(c, sel, e.labels, e.namespace, `pod ${e.namespace}/${e.name}`)) return true;
  }
  for (const h of index.hostsByIp.get(ip) ?? []) if (sel.matches(h.labels)) return true;
  for (const s of model.networkSets) {
    if (!s.nets.some((n) => cidrContains(n, ip))) continue;
    const what = `network set ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
    if (labelsMatch(c, sel, s.labels, s.namespace, what)) return true;
  }
  return false;
}
