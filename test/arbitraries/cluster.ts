// test arbitrary: a whole cluster as PolicyInput — namespaces, pods, Services, tiers, policies and (optionally)
// HostEndpoints, network sets and a user Profile — built through the real converters by the caller.
import fc from 'fast-check';
import type { PolicyInput } from '../../src/model/endpoints/types.js';
import type { JsonObject } from '../../src/scenario/types.js';
import { hostEndpointArb } from './host-endpoint.js';
import { namespacesArb } from './namespace.js';
import { networkSetArb } from './network-set.js';
import { podArb } from './pod.js';
import { policyManifestArb } from './policy-manifest.js';
import { profileArb } from './profile.js';
import { servicesArb } from './service.js';
import { tiersArb } from './tier.js';
import { toManifest } from './to-manifest.js';

export interface ClusterOptions {
  readonly maxPods: number;
  readonly maxPolicies: number;
  /** Namespaces may be undeclared (unknown labels). */
  readonly undeclared?: boolean;
  /** Pods may lack an address. */
  readonly noIp?: boolean;
  /** HostEndpoints, network sets, a Profile and Services. */
  readonly extras?: boolean;
}

export function clusterArb(o: ClusterOptions): fc.Arbitrary<PolicyInput> {
  return tiersArb().chain((tiers) => {
    const tierNames = tiers.map((t) => String((t['metadata'] as JsonObject)['name']));
    const pods = fc.integer({ min: 1, max: o.maxPods }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => podArb(`pod${i}`, o.noIp ?? false))));
    const policies = fc.integer({ min: 0, max: o.maxPolicies }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyManifestArb(`pol${i}`, tierNames))));
    const extras = o.extras
      ? fc.record({
          heps: fc.array(fc.nat(), { maxLength: 2 }).chain((l) => fc.tuple(...l.map((_, i) => hostEndpointArb(`hep${i}`)))),
          sets: fc.array(fc.nat(), { maxLength: 2 }).chain((l) => fc.tuple(...l.map((_, i) => networkSetArb(`set${i}`)))),
          profile: fc.option(profileArb(), { nil: undefined }),
          services: servicesArb(),
        })
      : fc.constant({ heps: [] as JsonObject[], sets: [] as JsonObject[], profile: undefined, services: [] });
    return fc.record({ namespaces: namespacesArb(o.undeclared ?? false), pods, policies, extras }).map((c): PolicyInput => {
      const bodies = [...tiers, ...(c.extras.profile ? [c.extras.profile] : []), ...c.extras.heps, ...c.extras.sets, ...c.policies];
      return {
        namespaces: c.namespaces,
        pods: c.pods,
        services: c.extras.services,
        manifests: bodies.map((b, i) => toManifest(b, i + 1)),
      };
    });
  });
}
