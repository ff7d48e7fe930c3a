// The load balancers' AS3 declarations: they validate against F5's AS3 schema 3.56 (../shared/reference, in CI),
// and carry the model's VIPs, members (the management hosts' addresses), method, SNAT and monitor.
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { as3Declaration, as3Name } from '../../../src/emit/loadbalancer/as3-declaration.js';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import type { LoadBalancerSpec } from '../../../src/scenario/types.js';

const SCHEMA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/f5-as3/as3-schema-3.56.0-10.json');
const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const SRC = { file: 't.yaml', line: 1, col: 1 };

const member = (host: string, port: number, ratio = 1, priorityGroup = 0) => ({ host, port, ratio, priorityGroup });
const lb = (method: LoadBalancerSpec['method'], snat: 'automap' | 'none', type: 'http' | 'tcp'): LoadBalancerSpec => ({
  name: 'f5-a',
  kind: 'f5',
  vips: [{ address: '203.0.113.10', port: 443, protocol: 'TCP' }],
  members: [member('mgmt-1', 30443), member('mgmt-2', 30443), member('10.0.0.99', 30080)],
  method,
  priorityGroups: { minimumMembersActive: 1 },
  snat,
  monitors: [{ type, port: 10254, send: 'GET /healthz HTTP/1.0\r\n\r\n', receive: '200 OK', interval: 5000, timeout: 16000 }],
  src: SRC,
});
const hosts = new Map([['mgmt-1', '10.0.0.11'], ['mgmt-2', '10.0.0.12']]);
const appOf = (d: Record<string, unknown>): Record<string, Record<string, unknown>> =>
  ((d['declaration'] as Record<string, unknown>)['calisim'] as Record<string, unknown>)['f5_a'] as Record<string, Record<string, unknown>>;

describe('AS3 declaration', () => {
  it('maps VIPs, members by port, method, SNAT and monitor', () => {
    const app = appOf(as3Declaration(lb('least-connections-member', 'automap', 'http'), (h) => hosts.get(h) ?? h));
    expect(app['vs_203_0_113_10_443']).toEqual({ class: 'Service_TCP', virtualAddresses: ['203.0.113.10'], virtualPort: 443, pool: 'ingress_pool', snat: 'auto', persistenceMethods: [] });
    expect(app['ingress_pool']!['loadBalancingMode']).toBe('least-connections-member');
    expect(app['ingress_pool']!['members']).toEqual([
      { servicePort: 30443, ratio: 1, priorityGroup: 0, serverAddresses: ['10.0.0.11', '10.0.0.12'], shareNodes: true },
      { servicePort: 30080, ratio: 1, priorityGroup: 0, serverAddresses: ['10.0.0.99'], shareNodes: true },
    ]);
    expect(app['ingress_monitor']).toMatchObject({ monitorType: 'http', interval: 5, timeout: 16, targetPort: 10254, send: 'GET /healthz HTTP/1.0\r\n\r\n', receive: '200 OK' });
    const hashed = appOf(as3Declaration(lb('source-address', 'none', 'tcp'), (h) => h));
    expect(hashed['vs_203_0_113_10_443']).toMatchObject({ snat: 'none', persistenceMethods: ['source-address'] });
    expect(hashed['ingress_monitor']).not.toHaveProperty('send');
    expect(as3Name('9-lb')).toBe('lb_9_lb');
  });

  it('points a VIP with its own member port at a pool of the same members at that port', () => {
    const two = { ...lb('round-robin', 'automap', 'http'), vips: [{ address: '203.0.113.10', port: 443, protocol: 'TCP' as const }, { address: '203.0.113.10', port: 80, protocol: 'TCP' as const, memberPort: 30080 }] };
    const app = appOf(as3Declaration(two, (h) => hosts.get(h) ?? h));
    expect([app['vs_203_0_113_10_443']!['pool'], app['vs_203_0_113_10_80']!['pool']]).toEqual(['ingress_pool', 'ingress_pool_30080']);
    expect(app['ingress_pool_30080']!['members']).toEqual([
      { servicePort: 30080, ratio: 1, priorityGroup: 0, serverAddresses: ['10.0.0.11', '10.0.0.12'], shareNodes: true },
      { servicePort: 30080, ratio: 1, priorityGroup: 0, serverAddresses: ['10.0.0.99'], shareNodes: true },
    ]);
    expect(app['ingress_pool_30080']!['monitors']).toEqual(app['ingress_pool']!['monitors']);
  });

  it('every declaration of the default scenario validates against the AS3 schema', () => {
    if (!existsSync(SCHEMA)) {
      if (ci) throw new Error(`${SCHEMA} is missing`);
      console.warn('skipping: ../shared/reference/f5-as3 is absent');
      return;
    }
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    const run = runPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), { until: 0 });
    const files = buildManifestSet(run, { format: 'yaml', clusters: new Set(['mgmt']) }).filter((f) => f.path.endsWith('.as3.json'));
    expect(files.map((f) => f.path)).toEqual(['mgmt/loadbalancers/01-f5-a.as3.json', 'mgmt/loadbalancers/02-f5-b.as3.json']);
    for (const f of files) {
      const ok = validate(JSON.parse(f.data));
      expect(ok ? [] : validate.errors, f.path).toEqual([]);
    }
    // Cluster mode: the pods CIS lists at the instant (pod IPs, target port 443) and CIS's settings as Pool metadata.
    const cluster = runPlatform(buildModel(loadScenario('test/fixtures/loadbalancer/cluster-mode.yaml')), { until: 100_000 });
    const [decl] = buildManifestSet(cluster, { format: 'yaml', clusters: new Set(['mgmt']) }).filter((f) => f.path.endsWith('.as3.json'));
    const doc = JSON.parse(decl!.data) as Record<string, unknown>;
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const pool = (((doc['declaration'] as Record<string, unknown>)['calisim'] as Record<string, unknown>)['f5_c'] as Record<string, Record<string, unknown>>)['ingress_pool']!;
    const pods = cluster.pods.pods.filter((p) => p.phase === 'running' && p.namespace === 'ingress-nginx').map((p) => p.ip);
    expect(pool['members']).toEqual([{ servicePort: 443, ratio: 1, priorityGroup: 0, serverAddresses: pods.map((ip) => [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.')), shareNodes: true }]);
    expect(pool['metadata']).toEqual({ poolMemberType: { value: 'cluster' }, servicePort: { value: '443' }, as3PostDelay: { value: '0s' }, nodePollInterval: { value: '30s' } });
    // f5-a's port-80 VIP has its own pool on the http NodePort.
    expect(appOf(JSON.parse(files[0]!.data) as Record<string, unknown>)['vs_203_0_113_10_80']!['pool']).toBe('ingress_pool_30080');
    const broken = JSON.parse(files[0]!.data) as Record<string, unknown>;
    appOf(broken)['ingress_pool']!['loadBalancingMode'] = 'fastest-guess';
    expect(validate(broken)).toBe(false);
  });
});
