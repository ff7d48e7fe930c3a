// Terminating endpoints on the timeline: a stopped pod stays in its Service's EndpointSlice as serving and
// terminating for its grace period (30 s), and kube-proxy uses it only when no endpoint is ready (KEP-1669).
import { describe, expect, it } from 'vitest';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import type { Trace } from '../../../src/verdict/trace/types.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { tempTree } from '../../scenario/helpers.js';
import { edgeRun, editedScenario } from './edge-fixtures.js';

const EVENTS = 'events:\n  - { at: 90s, kind: node-down, node: acme/acme-2, mode: silent }';
const API = '      - name: api\n        namespace: shop\n        replicas: 2\n';
const scaled = (replicas: number, grace?: number): string =>
  editedScenario(`api-to-${replicas}-${grace ?? 'default'}`, [
    [EVENTS, `events:\n  - { at: 60s, kind: scale, tenant: acme, workload: shop/api, replicas: ${replicas} }\n  - { at: 90s, kind: node-down, node: acme/acme-2, mode: silent }`],
    ...(grace === undefined ? [] : [[API, `${API}        terminationGracePeriodSeconds: ${grace}\n`] as const]),
  ]);

function traceAt(file: string, at: string, from = 'acme/shop/frontend-0'): Trace {
  const r = edgeRun(file, at);
  const svc = r.run.model.clusters[r.run.model.clusterByName.get('acme')!]!.services.find((s) => s.name === 'api')!;
  const t = tracePacket(r.run, r.policies, { from, to: svc.clusterIP!, protocol: 6, protocolName: 'TCP', port: 80 });
  if (typeof t === 'string') throw new Error(t);
  return t;
}

describe('terminating endpoints (scale shop/api to 0 at 60 s)', () => {
  const file = scaled(0);

  it('sends to a serving-and-terminating endpoint when none is ready, within the 30 s grace period', () => {
    const t = traceAt(file, '70s');
    expect(t.hops[0]!.step).toBe('kube-proxy');
    expect(t.hops[0]!.detail).toContain('none ready: serving-and-terminating endpoints as a fallback');
    expect(t.hops[0]!.detail).toMatch(/DNAT to shop\/api-\d .*:9000, a terminating endpoint \(serving, not ready; its pod exits in 20 s\)/);
    expect(t.disposition).toBe('delivered');
  });

  it('drops once the grace period is over: the endpoints have left the slice', () => {
    const t = traceAt(file, '91s');
    expect(t.disposition).toBe('dropped');
    expect(t.dropReason).toBe('no-such-endpoint');
    expect(t.hops[0]!.detail).toContain('any of 0 usable endpoint(s)');
  });
});

describe("terminating endpoints for the workload's terminationGracePeriodSeconds", () => {
  it('keeps them for 5 s with terminationGracePeriodSeconds 5, then drops', () => {
    const file = scaled(0, 5);
    expect(traceAt(file, '63s').hops[0]!.detail).toContain('its pod exits in 2 s');
    expect(traceAt(file, '66s').disposition).toBe('dropped');
    const scale = edgeRun(file, '61s').run.timeline.find((r) => r.kind === 'scale')!;
    expect(scale.effects).toEqual(['shop/api: 2 → 0 replicas (2 stopped, terminating for 5 s, addresses held until then)']);
  });

  it("reads it from a Deployment's pod template", () => {
    const dir = tempTree({
      'd.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api, namespace: shop }\nspec:\n  replicas: 1\n  template:\n    metadata: { labels: { app: api } }\n    spec: { terminationGracePeriodSeconds: 5, containers: [{ name: c, image: x }] }\n',
    });
    expect(loadScenario(`${dir}/d.yaml`).tenants[0]!.workloads[0]!.terminationGracePeriodSeconds).toBe(5);
  });
});

describe('terminating endpoints next to a ready one (scale shop/api to 1 at 60 s)', () => {
  it('picks only the ready endpoint while the stopped one terminates', () => {
    const file = scaled(1);
    for (const from of ['acme/shop/frontend-0', 'acme/shop/frontend-1', 'acme/shop/frontend-2']) {
      const t = traceAt(file, '70s', from);
      expect(t.hops[0]!.detail).toContain('any of 1 usable endpoint(s)');
      expect(t.hops[0]!.detail).toMatch(/DNAT to shop\/api-0 /);
      expect(t.hops[0]!.detail).not.toContain('terminating');
    }
  });
});
