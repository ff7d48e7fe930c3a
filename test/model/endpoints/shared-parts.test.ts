// buildEndpoints shares each pod's Calico labels, ports and profiles between pods of equal content (distinct
// objects included, as a dump's bare pods are): the endpoints equal those computed pod by pod, uncached.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEndpoints, buildNamespaces, endpointPorts } from '../../../src/model/endpoints/build-endpoints.js';
import { samePodContent } from '../../../src/model/endpoints/same-pod-content.js';
import { namespaceProfileLabels, serviceAccountProfileLabels, workloadLabels } from '../../../src/model/endpoints/calico-labels.js';
import type { PodInput, PolicyInput, WorkloadEndpoint } from '../../../src/model/endpoints/types.js';
import { clusterArb } from '../../arbitraries/cluster.js';

/** The endpoint of pod `i` computed on its own (the reference: no sharing between pods). */
function alone(input: PolicyInput, i: number): Omit<WorkloadEndpoint, 'index' | 'ip' | 'node' | 'src' | 'owner' | 'name' | 'hostNetwork' | 'containerPorts' | 'podLabels'> {
  const pod = input.pods[i]!;
  const nsLabels = buildNamespaces(input).find((n) => n.name === pod.namespace)?.labels ?? {};
  const sa = input.manifests.find((m) => m.kind === 'ServiceAccount' && m.apiVersion === 'v1' && (m.namespace ?? 'default') === pod.namespace && m.name === pod.serviceAccount);
  const inherited = [namespaceProfileLabels(pod.namespace, nsLabels), ...(pod.serviceAccount ? [serviceAccountProfileLabels(pod.serviceAccount, sa?.labels ?? {})] : [])];
  return {
    namespace: pod.namespace,
    serviceAccount: pod.serviceAccount,
    labels: workloadLabels(pod.labels, pod.namespace, pod.serviceAccount, inherited),
    ports: endpointPorts(pod.ports),
    profiles: [`kns.${pod.namespace}`, ...(pod.serviceAccount ? [`ksa.${pod.namespace}.${pod.serviceAccount}`] : [])],
  };
}

/**
 * A copy of `p` in fresh objects: the same content (variant 0), its labels in reverse insertion order (1),
 * another service account (2), another namespace (3) or another named port (4).
 */
function copyOf(p: PodInput, name: string, variant: number): PodInput {
  const entries = Object.entries(p.labels);
  const copy = { ...p, name, labels: Object.fromEntries(variant === 1 ? entries.reverse() : entries), ports: p.ports.map((x) => ({ ...x })) };
  if (variant === 2) return { ...copy, serviceAccount: p.serviceAccount === 'default' ? 'other' : 'default' };
  if (variant === 3) return { ...copy, namespace: `${p.namespace}-x` };
  if (variant === 4) return { ...copy, ports: [...copy.ports, { name: 'extra', containerPort: 7, protocol: 'TCP' }] };
  return copy;
}

/** The text key the parts were found by before (each string length-prefixed): equal keys, one SharedParts. */
function partsKey(pod: PodInput): string {
  let key = `${pod.namespace.length}:${pod.namespace}${pod.serviceAccount.length}:${pod.serviceAccount}`;
  for (const k in pod.labels) {
    const v = pod.labels[k] as string;
    key += `${k.length}:${k}${v.length}:${v}`;
  }
  key += '|';
  for (const p of pod.ports) key += `${(p.name ?? '').length}:${p.name ?? ''}${p.containerPort}/${p.protocol}/${p.hostPort ?? ''};`;
  return key;
}

describe('buildEndpoints shares parts by content', () => {
  it('shares one labels object between two pods exactly when their old text keys are equal', () => {
    let pairs = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 8, maxPolicies: 0, extras: true, undeclared: true }), fc.array(fc.nat(), { minLength: 5, maxLength: 12 }), (cluster, picks) => {
        const pods = [...cluster.pods, ...picks.map((k, j) => copyOf(cluster.pods[k % cluster.pods.length]!, `copy${j}`, j % 5))];
        const { endpoints } = buildEndpoints({ ...cluster, pods });
        const keys = pods.map(partsKey);
        for (let i = 0; i < pods.length; i++) {
          for (let j = 0; j < i; j++) {
            const same = keys[i] === keys[j];
            // The comparison alone (found by the hash first, it decides between colliding pods).
            expect(samePodContent(pods[i]!, pods[j]!), `pods ${j}, ${i}`).toBe(same);
            expect(endpoints[i]!.labels === endpoints[j]!.labels, `pods ${j}, ${i}`).toBe(same);
            expect(endpoints[i]!.ports === endpoints[j]!.ports, `pods ${j}, ${i}`).toBe(same);
            if (same) pairs++;
          }
        }
      }),
      { numRuns: 200, seed: 8181 },
    );
    expect(pairs).toBeGreaterThan(200);
  });

  it('equals the pod-by-pod computation, and pods of equal content share their labels object', () => {
    let shared = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 8, maxPolicies: 0, extras: true, undeclared: true }), fc.array(fc.nat(), { minLength: 5, maxLength: 10 }), (cluster, picks) => {
        const pods = [...cluster.pods, ...picks.map((k, j) => copyOf(cluster.pods[k % cluster.pods.length]!, `copy${j}`, j % 5))];
        const input: PolicyInput = { ...cluster, pods };
        const { endpoints } = buildEndpoints(input);
        endpoints.forEach((e, i) => {
          expect({ namespace: e.namespace, serviceAccount: e.serviceAccount, labels: e.labels, ports: e.ports, profiles: e.profiles }).toEqual(alone(input, i));
          expect(Object.keys(e.labels)).toEqual(Object.keys(e.labels).sort());
        });
        picks.forEach((k, j) => {
          if (j % 5 !== 0) return;
          const from = endpoints[k % cluster.pods.length]!;
          const copy = endpoints[cluster.pods.length + j]!;
          expect(copy.labels).toBe(from.labels);
          expect(copy.ports).toBe(from.ports);
          shared++;
        });
      }),
      { numRuns: 150, seed: 4242 },
    );
    expect(shared).toBeGreaterThan(150);
  });

  it('finds a replica by its labels and ports objects, and never across namespaces, service accounts or port lists', () => {
    let reused = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 6, maxPolicies: 0, extras: true, undeclared: true }), fc.array(fc.nat(), { minLength: 4, maxLength: 10 }), (cluster, picks) => {
        // Replicas keep the picked pod's labels and ports objects; variants 1-3 change what else the parts rest on.
        const replicas = picks.map((k, j): PodInput => {
          const p = cluster.pods[k % cluster.pods.length]!;
          const variant = j % 4;
          if (variant === 1) return { ...p, name: `r${j}`, namespace: `${p.namespace}-x` };
          if (variant === 2) return { ...p, name: `r${j}`, serviceAccount: p.serviceAccount === 'default' ? 'other' : 'default' };
          if (variant === 3) return { ...p, name: `r${j}`, ports: [...p.ports, { name: 'extra', containerPort: 7, protocol: 'TCP' }] };
          return { ...p, name: `r${j}` };
        });
        const input: PolicyInput = { ...cluster, pods: [...cluster.pods, ...replicas] };
        const { endpoints } = buildEndpoints(input);
        endpoints.forEach((e, i) => {
          expect({ namespace: e.namespace, serviceAccount: e.serviceAccount, labels: e.labels, ports: e.ports, profiles: e.profiles }).toEqual(alone(input, i));
        });
        picks.forEach((k, j) => {
          if (j % 4 === 0) {
            expect(endpoints[cluster.pods.length + j]!.labels).toBe(endpoints[k % cluster.pods.length]!.labels);
            reused++;
          }
        });
      }),
      { numRuns: 150, seed: 5353 },
    );
    expect(reused).toBeGreaterThan(150);
  });

  it("gives each Service the backends a scan of every endpoint finds (its namespace's pods its selector matches, in order)", () => {
    let backends = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 10, maxPolicies: 0, extras: true, undeclared: true }), (input) => {
        const { endpoints, services } = buildEndpoints(input);
        input.services.forEach((s, i) => {
          const keys = Object.keys(s.selector);
          const expected =
            keys.length === 0
              ? []
              : endpoints.filter((e) => e.namespace === s.namespace && keys.every((k) => Object.hasOwn(e.podLabels, k) && e.podLabels[k] === s.selector[k])).map((e) => e.index);
          expect(services[i]!.backends).toEqual(expected);
          backends += expected.length;
        });
      }),
      { numRuns: 200, seed: 6464 },
    );
    expect(backends).toBeGreaterThan(50);
  });
});
