// model: HostEndpoint (projectcalico.org/v3) — labels, expected IPs, named ports and profiles of a host
// interface; policy selects it through its own labels only (no namespace label).
import { parseIpv4 } from '../../../lib/ipv4.js';
import { sortLabels } from '../../endpoints/calico-labels.js';
import type { EndpointPort, HostEndpoint } from '../../endpoints/types.js';
import { parseCalicoProtocol, supportsPorts } from '../fields/protocol.js';
import { checkFields, errorCount, fail, readArray, readInt, readObject, readString, readStrings, warn, type ReadCtx } from '../fields/read-json.js';

/** Converts a HostEndpoint as entry `index`; undefined when invalid. */
export function convertHostEndpoint(ctx: ReadCtx, index: number): HostEndpoint | undefined {
  const m = ctx.manifest;
  const before = errorCount(ctx);
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, ['node', 'interfaceName', 'expectedIPs', 'profiles', 'ports'], 'spec');
  const node = readString(ctx, spec['node'], 'spec.node') ?? '';
  const interfaceName = readString(ctx, spec['interfaceName'], 'spec.interfaceName');
  const ips: number[] = [];
  (readStrings(ctx, spec['expectedIPs'], 'spec.expectedIPs') ?? []).forEach((t, i) => {
    const ip = parseIpv4(t);
    if (ip >= 0) ips.push(ip);
    else if (t.includes(':')) warn(ctx, `spec.expectedIPs[${i}]`, 'IPv6 address left out (calisim models IPv4 only)');
    else fail(ctx, `spec.expectedIPs[${i}]`, `invalid IP address "${t}"`);
  });
  if (!interfaceName && ips.length === 0) fail(ctx, 'spec', 'at least one of interfaceName or expectedIPs must be specified');
  const profiles = readStrings(ctx, spec['profiles'], 'spec.profiles') ?? [];
  const ports: EndpointPort[] = [];
  (readArray(ctx, spec['ports'], 'spec.ports') ?? []).forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    const o = readObject(ctx, p, path);
    if (!o) return;
    checkFields(ctx, o, ['name', 'protocol', 'port'], path);
    const name = readString(ctx, o['name'], `${path}.name`);
    const protocol = parseCalicoProtocol(ctx, o['protocol'], `${path}.protocol`);
    const port = readInt(ctx, o['port'], `${path}.port`);
    if (!name || !/^[a-zA-Z0-9_.-]{1,128}$/.test(name)) fail(ctx, `${path}.name`, 'a valid port name is required');
    if (protocol === undefined || !supportsPorts(protocol)) fail(ctx, `${path}.protocol`, 'EndpointPort protocol does not support ports');
    if (port === undefined || port < 1 || port > 65535) fail(ctx, `${path}.port`, 'must be between 1 and 65535');
    if (name && protocol !== undefined && port !== undefined) ports.push({ name, protocol, port });
  });
  if (errorCount(ctx) > before) return undefined;
  return {
    index,
    name: m.name,
    node,
    ...(interfaceName ? { interfaceName } : {}),
    labels: sortLabels(m.labels),
    ips,
    ports,
    profiles,
    src: m.src,
  };
}
