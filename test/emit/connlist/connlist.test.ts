// The connectivity list in netpol-analyzer's layout (port-set rendering, External ranges, sort order, self
// left out) and the matrix renderings.
import { describe, expect, it } from 'vitest';
import { formatConnSet } from '../../../src/verdict/policy/conn-set.js';
import { connlist, formatConnlist } from '../../../src/emit/connlist/connlist.js';
import { connMatrix, formatMatrix } from '../../../src/emit/connlist/matrix.js';
import { evaluateReference } from '../../../src/model/policy/eval/evaluate-reference.js';
import { ns, pod } from '../../fixtures/policy/manifests.js';
import { model } from '../../fixtures/policy/model.js';

describe('formatConnSet', () => {
  it('renders like netpol-analyzer', () => {
    const full = [{ min: 1, max: 65535 }];
    expect(formatConnSet(new Map([['SCTP', full], ['TCP', full], ['UDP', full]]))).toBe('All Connections');
    expect(formatConnSet(new Map([['TCP', [{ min: 80, max: 80 }]], ['UDP', [{ min: 53, max: 53 }]], ['SCTP', []]]))).toBe('TCP 80,UDP 53');
    expect(formatConnSet(new Map([['SCTP', full], ['TCP', [{ min: 1, max: 79 }, { min: 81, max: 65535 }]], ['UDP', full]]))).toBe('SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
    expect(formatConnSet(new Map())).toBe('');
  });
});

describe('connlist', () => {
  const yaml = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: prod}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 5432}, {port: 9000, endPort: 9001, protocol: UDP}]
  - from: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.168.1.0/24]}}]
    ports: [{port: 443}]
`;
  const m = model(yaml, {
    namespaces: [ns('prod')],
    pods: [
      pod('prod/db-0', { app: 'db' }, '10.0.0.1', { owner: { kind: 'StatefulSet', name: 'db' } }),
      pod('prod/db-1', { app: 'db' }, '10.0.0.2', { owner: { kind: 'StatefulSet', name: 'db' } }),
      pod('prod/web-abc', { app: 'web' }, '10.0.0.3', { owner: { kind: 'Deployment', name: 'web' } }),
    ],
  });
  it('lists workload pairs and outside ranges, sorted, without self-connections', () => {
    expect(formatConnlist(connlist(m, evaluateReference))).toBe(
      [
        '0.0.0.0-192.167.255.255[External] => prod/web[Deployment] : All Connections',
        '192.168.0.0-192.168.0.255[External] => prod/db[StatefulSet] : TCP 443',
        '192.168.0.0-192.168.0.255[External] => prod/web[Deployment] : All Connections',
        '192.168.1.0-192.168.1.255[External] => prod/web[Deployment] : All Connections',
        '192.168.2.0-192.168.255.255[External] => prod/db[StatefulSet] : TCP 443',
        '192.168.2.0-192.168.255.255[External] => prod/web[Deployment] : All Connections',
        '192.169.0.0-255.255.255.255[External] => prod/web[Deployment] : All Connections',
        'prod/db[StatefulSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'prod/db[StatefulSet] => prod/web[Deployment] : All Connections',
        'prod/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'prod/web[Deployment] => prod/db[StatefulSet] : TCP 5432,UDP 9000-9001',
        '',
      ].join('\n'),
    );
  });
  it('matrix as text, CSV and JSON', () => {
    const mx = connMatrix(m, evaluateReference);
    expect(mx.workloads).toEqual(['prod/db[StatefulSet]', 'prod/web[Deployment]']);
    expect(mx.cells).toEqual([['self', 'All Connections'], ['TCP 5432,UDP 9000-9001', 'self']]);
    expect(formatMatrix(mx, 'csv')).toBe('from \\ to,prod/db[StatefulSet],prod/web[Deployment]\nprod/db[StatefulSet],self,All Connections\nprod/web[Deployment],"TCP 5432,UDP 9000-9001",self\n');
    expect(formatMatrix(mx, 'text')).toContain('namespace prod:\n  1 \\A  prod/db[StatefulSet]\n  2 P\\  prod/web[Deployment]');
    expect(JSON.parse(formatMatrix(mx, 'json')).matrix['prod/web[Deployment]']).toEqual({ 'prod/db[StatefulSet]': 'TCP 5432,UDP 9000-9001' });
  });
});
