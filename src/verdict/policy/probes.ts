// verdict: the probe contract of the CLI — a JSON array of `{from, to, protocol, port?, srcPort?, icmpType?,
// icmpCode?}` (ends `namespace/pod`, `tenant/namespace/pod` or an outside IPv4 address) into verdicts, in order.
import { isToken, quoteToken } from '../../lib/quote-token.js';
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import { parseIpv4 } from '../../lib/ipv4.js';
import type { PolicyModel } from '../../model/policy/types.js';
import { endpointNamed } from './endpoint-index.js';
import { protocolName } from '../../model/policy/fields/protocol.js';
import { evaluateReference } from '../../model/policy/eval/evaluate-reference.js';
import type { Outcome, Packet, Peer, SideExplanation, Verdict } from '../../model/policy/eval/types.js';

/** One output element (the keys and their order are the contract). */
export interface ProbeResult {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number | null;
  readonly verdict: Outcome;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
}

const NAMES: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1, ICMPV6: 58, UDPLITE: 136 };
const PROBE_FIELDS = ['from', 'to', 'protocol', 'port', 'srcPort', 'icmpType', 'icmpCode'];

/**
 * Resolves and evaluates probes (with `evaluate`, the reference evaluator by default). Invalid probes are
 * reported as errors (path `[i].field`) and left out of `results`. An ICMP probe without icmpType is an echo
 * request (type 8, code 0).
 */
export function resolveProbes(
  model: PolicyModel,
  probes: unknown,
  evaluate: (m: PolicyModel, p: Packet) => Verdict = evaluateReference,
  file = '<probes>',
): { results: ProbeResult[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const err = (path: string, message: string): void => {
    diagnostics.push(diagnosticAt(undefined, path, message, 'error', file));
  };
  if (!Array.isArray(probes)) {
    err('', 'probes must be a JSON array');
    return { results: [], diagnostics };
  }
  const results: ProbeResult[] = [];
  probes.forEach((p: unknown, i) => {
    const before = diagnostics.length;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return err(`[${i}]`, 'must be an object');
    const o = p as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!PROBE_FIELDS.includes(k)) err(isToken(k) ? `[${i}].${k}` : `[${i}]`, `unknown field ${isToken(k) ? `"${k}"` : quoteToken(k)}`);
    const src = resolveEnd(model, o['from'], `[${i}].from`, err);
    const dst = resolveEnd(model, o['to'], `[${i}].to`, err);
    const protocol = readProtocol(o['protocol'], `[${i}].protocol`, err);
    const port = readNum(o['port'], `[${i}].port`, 1, 65535, err);
    const srcPort = readNum(o['srcPort'], `[${i}].srcPort`, 1, 65535, err);
    const icmpType = readNum(o['icmpType'], `[${i}].icmpType`, 0, 255, err);
    const icmpCode = readNum(o['icmpCode'], `[${i}].icmpCode`, 0, 255, err);
    const ported = protocol === 6 || protocol === 17 || protocol === 132;
    if (protocol !== undefined && ported && port === undefined) err(`[${i}].port`, 'required for TCP, UDP and SCTP');
    if (protocol !== undefined && !ported && port !== undefined) err(`[${i}].port`, 'only TCP, UDP and SCTP have ports');
    if (diagnostics.length > before || !src || !dst || protocol === undefined) return;
    const icmp = protocol === 1 ? { icmpType: icmpType ?? 8, icmpCode: icmpCode ?? 0 } : {};
    const pkt: Packet = { src, dst, protocol, ...(port !== undefined ? { dstPort: port } : {}), ...(srcPort !== undefined ? { srcPort } : {}), ...icmp };
    const v = evaluate(model, pkt);
    const extra = [...(v.dnat ? [`DNAT: Service ${v.dnat.service} → backend ${v.dnat.backend}${v.dnat.port !== undefined ? ` port ${v.dnat.port}` : ''}`] : []), ...(v.notes ?? [])];
    const ingress = extra.length > 0 ? { ...v.ingress, reasons: [...(v.ingress.reasons ?? []), ...extra] } : v.ingress;
    results.push({ from: o['from'] as string, to: o['to'] as string, protocol: protocolName(protocol), port: port ?? null, verdict: v.verdict, egress: v.egress, ingress });
  });
  return { results, diagnostics };
}

/** `ns/pod`, `tenant/ns/pod` or an IPv4 address (an address that is a pod's IP is that pod). */
function resolveEnd(model: PolicyModel, v: unknown, path: string, err: (p: string, m: string) => void): Peer | undefined {
  if (typeof v !== 'string' || v === '') {
    err(path, 'required: "namespace/pod", "tenant/namespace/pod" or an IPv4 address');
    return undefined;
  }
  if (!v.includes('/')) {
    const ip = parseIpv4(v);
    if (ip < 0) err(path, `"${v}" is neither namespace/pod nor an IPv4 address`);
    return ip < 0 ? undefined : { ip };
  }
  const parts = v.split('/');
  if (parts.length === 3 && model.cluster !== undefined && parts[0] !== model.cluster) {
    err(path, `tenant "${parts[0]}" is not this cluster ("${model.cluster}")`);
    return undefined;
  }
  if (parts.length < 2 || parts.length > 3) {
    err(path, `"${v}" must be namespace/pod or tenant/namespace/pod`);
    return undefined;
  }
  const [ns, name] = parts.slice(-2) as [string, string];
  const e = endpointNamed(model, ns, name);
  if (!e) err(path, `no pod ${ns}/${name}`);
  return e ? { endpoint: e.index } : undefined;
}

function readProtocol(v: unknown, path: string, err: (p: string, m: string) => void): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 255) return v;
  if (typeof v === 'string' && NAMES[v.toUpperCase()] !== undefined) return NAMES[v.toUpperCase()];
  err(path, 'protocol must be TCP, UDP, SCTP, ICMP or a number 1-255');
  return undefined;
}

function readNum(v: unknown, path: string, min: number, max: number, err: (p: string, m: string) => void): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  err(path, `must be an integer ${min}-${max}`);
  return undefined;
}
