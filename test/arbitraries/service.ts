// test arbitrary: the Services svc0 (ns0) and svc1 (ns1): label selector, a port with a numeric or named
// targetPort, a ClusterIP from the pool.
import fc from 'fast-check';
import type { ServiceSpec } from '../../src/scenario/types.js';
import { LABEL_VALUES, SERVICE_IPS } from './vocabulary.js';

const SRC = { file: 'generated.yaml', line: 1, col: 1 };

export function servicesArb(): fc.Arbitrary<ServiceSpec[]> {
  const one = (i: number): fc.Arbitrary<ServiceSpec> =>
    fc.record({ app: fc.constantFrom(...LABEL_VALUES), target: fc.constantFrom<number | string>(80, 8080, 'http', 'dns'), protocol: fc.constantFrom<'TCP' | 'UDP'>('TCP', 'TCP', 'UDP') }).map((s) => ({
      name: `svc${i}`,
      namespace: `ns${i}`,
      type: 'ClusterIP',
      selector: { app: s.app },
      ports: [{ port: 80, targetPort: s.target, protocol: s.protocol }],
      clusterIP: SERVICE_IPS[i] as string,
      externalTrafficPolicy: 'Cluster',
      src: SRC,
    }));
  return fc.subarray([0, 1]).chain((idx) => fc.tuple(...idx.map(one)));
}
