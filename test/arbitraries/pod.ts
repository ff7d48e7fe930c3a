// test arbitrary: a pod — namespace, labels, service account, named container ports (and a hostPort), an
// address from a small pool (shared addresses happen), sometimes none, sometimes hostNetwork.
import fc from 'fast-check';
import type { PodInput } from '../../src/model/endpoints/types.js';
import type { ContainerPort } from '../../src/scenario/types.js';
import { labelSetArb } from './label-set.js';
import { NAMESPACE_CHOICES, NODE_IPS, POD_IPS, SERVICE_ACCOUNTS } from './vocabulary.js';

const SRC = { file: 'generated.yaml', line: 1, col: 1 };

const portArb: fc.Arbitrary<ContainerPort> = fc.constantFrom<ContainerPort>(
  { name: 'http', containerPort: 80, protocol: 'TCP' },
  { name: 'http', containerPort: 8080, protocol: 'TCP' },
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
  { containerPort: 443, protocol: 'TCP', hostPort: 443 },
  { containerPort: 81, protocol: 'TCP' },
);

/** Pod `name`; `noIp` allows pods without an address. */
export function podArb(name: string, noIp: boolean): fc.Arbitrary<PodInput> {
  return fc
    .record({
      namespace: fc.constantFrom(...NAMESPACE_CHOICES),
      labels: labelSetArb(),
      serviceAccount: fc.constantFrom(...SERVICE_ACCOUNTS),
      ports: fc.uniqueArray(portArb, { maxLength: 2, selector: (p) => p.name ?? String(p.containerPort) }),
      ip: fc.constantFrom(...POD_IPS),
      mode: fc.constantFrom('pod', 'pod', 'pod', 'pod', 'pod', 'pod', 'pod', 'pod', 'host', noIp ? 'noip' : 'pod'),
      nodeIp: fc.constantFrom(...NODE_IPS),
    })
    .map((p) => ({
      name,
      namespace: p.namespace,
      labels: p.labels,
      serviceAccount: p.serviceAccount,
      ports: p.ports,
      ...(p.mode === 'noip' ? {} : { ip: p.mode === 'host' ? p.nodeIp : p.ip }),
      hostNetwork: p.mode === 'host',
      src: SRC,
    }));
}
