// test arbitrary: a valid Calico v3 Rule (action, protocol, ICMP, source/destination EntityRule with nets,
// notNets, selectors, namespaceSelector, serviceAccounts, services, ports/notPorts incl. ranges and names).
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../src/scenario/types.js';
import { calicoSelectorArb, namespaceSelectorArb } from './calico-selector.js';
import { CIDRS, NAMESPACE_NAMES, NUMERIC_PORTS, PORT_NAMES, PORT_RANGES } from './vocabulary.js';

type PortKind = 'numeric' | 'named' | 'none';

const v4Cidrs = CIDRS.filter((c) => !c.includes(':'));

function portListArb(kind: PortKind): fc.Arbitrary<JsonValue[]> {
  const named = fc.constantFrom(...PORT_NAMES);
  const numeric = fc.oneof(fc.constantFrom(...NUMERIC_PORTS), fc.constantFrom(...PORT_RANGES));
  const item = kind === 'numeric' ? fc.oneof(numeric, numeric, named) : named;
  return fc.array(item as fc.Arbitrary<JsonValue>, { minLength: 1, maxLength: 3 });
}

function entityArb(ports: PortKind, destination: boolean): fc.Arbitrary<JsonObject> {
  const fields: Record<string, fc.Arbitrary<JsonValue>> = {
    nets: fc.oneof(
      { weight: 8, arbitrary: fc.uniqueArray(fc.constantFrom(...v4Cidrs), { minLength: 1, maxLength: 2 }) as fc.Arbitrary<JsonValue> },
      { weight: 1, arbitrary: fc.constant<JsonValue>(['fd00::/8']) },
    ),
    notNets: fc.uniqueArray(fc.constantFrom(...v4Cidrs.filter((c) => c !== '0.0.0.0/0')), { minLength: 1, maxLength: 2 }),
    selector: calicoSelectorArb(),
    notSelector: calicoSelectorArb(),
    namespaceSelector: namespaceSelectorArb(),
    serviceAccounts: fc.record({ names: fc.uniqueArray(fc.constantFrom('sa1', 'sa2', 'default'), { maxLength: 2 }), selector: fc.constant('has(team)') }, { requiredKeys: ['names'] }),
    ...(ports !== 'none' ? { ports: portListArb(ports), notPorts: portListArb(ports) } : {}),
  };
  const names = Object.keys(fields);
  const plain = fc
    .subarray(names, { maxLength: 2 })
    .chain((chosen) => fc.record(Object.fromEntries(chosen.map((k) => [k, fields[k] as fc.Arbitrary<JsonValue>]))))
    .filter((e) => !(Array.isArray(e['nets']) && e['nets'].includes('fd00::/8') && e['notNets'] !== undefined));
  const services = fc
    .record({ name: fc.constantFrom('svc0', 'svc1', 'nosuch'), namespace: fc.constantFrom(...NAMESPACE_NAMES) }, { requiredKeys: ['name'] })
    .chain((svc) => (!destination && ports !== 'none' ? fc.record({ services: fc.constant(svc), ports: portListArb(ports) }, { requiredKeys: ['services'] }) : fc.constant({ services: svc })));
  return fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: services }).map((e) => e as JsonObject);
}

/** One rule; `ports` says which kinds of ports its protocol allows. */
export function calicoRuleArb(): fc.Arbitrary<JsonObject> {
  const protocol = fc.constantFrom<string | number | undefined>(undefined, undefined, 'TCP', 'TCP', 'UDP', 'SCTP', 'ICMP', 6);
  return fc.tuple(fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny', 'Deny', 'Pass', 'Log'), protocol).chain(([action, proto]) => {
    const kind: PortKind = proto === undefined ? 'named' : proto === 'ICMP' ? 'none' : 'numeric';
    return fc
      .record(
        {
          notProtocol: fc.constantFrom('UDP', 'ICMP'),
          icmp: proto === 'ICMP' ? fc.constantFrom<JsonValue>({ type: 8 }, { type: 8, code: 0 }, { type: 0 }) : fc.constant(undefined),
          notICMP: fc.constantFrom<JsonValue>({ type: 8, code: 1 }, { type: 3 }),
          source: entityArb(kind, false),
          destination: entityArb(kind, true),
        },
        { requiredKeys: [] },
      )
      .map((r) => {
        const rule: JsonObject = { action };
        if (proto !== undefined) rule['protocol'] = proto;
        if (r.notProtocol !== undefined && r.notProtocol !== proto && proto !== 'ICMP') rule['notProtocol'] = r.notProtocol;
        if (r.icmp !== undefined) rule['icmp'] = r.icmp;
        if (r.notICMP !== undefined && proto === 'ICMP') rule['notICMP'] = r.notICMP;
        if (r.source) rule['source'] = r.source;
        if (r.destination) rule['destination'] = r.destination;
        return rule;
      });
  });
}
