// scenario: a scenario file (one YAML document) into the Scenario — top level read, fragments gathered,
// tenants expanded, every cluster built with its manifests, events and expectations read.
import { basename, extname } from 'node:path';
import { assembleCluster, clusterManifests, type ClusterRec } from './build-cluster.js';
import { managementSchema, tenantSchema } from './schema/cluster-schema.js';
import { expandTenants } from './expand-tenants.js';
import { gatherFragments, type FragmentRec } from './read/gather-fragments.js';
import type { Loader } from './read/loader.js';
import { IgnoredKinds, normaliseManifests } from './manifests/normalise-manifests.js';
import type { PValue } from './read/positioned.js';
import { errorAt } from './provenance.js';
import { eventSchema, scenarioSchema } from './schema/scenario-schema.js';
import type { RawRef } from './schema/schema.js';
import type { ClusterSpec, ExpectSpec, Manifest, Millis, PlatformSpec, Scenario, TenantSpec, TimelineEventSpec } from './types.js';
import { validate } from './schema/validate.js';

interface TopRec extends FragmentRec {
  readonly name?: string;
  readonly description: string;
  readonly seed: number;
  readonly horizon: Millis;
  readonly platform?: Omit<PlatformSpec, 'management'> & { readonly management: RawRef };
  readonly expect: ExpectSpec;
}

/** Builds the scenario of `file`'s single document; problems go to the loader's sink. */
export function buildScenario(file: string, doc: PValue, loader: Loader): Omit<Scenario, 'warnings'> | undefined {
  const ctx = loader.ctx;
  const top = validate(scenarioSchema, doc, '', ctx) as TopRec | undefined;
  if (top === undefined) return undefined;
  const gathered = gatherFragments(file, top, loader);
  const platform = top.platform === undefined ? undefined : buildPlatform(top.platform, loader);
  const tenants: TenantSpec[] = [];
  for (const src of expandTenants(gathered, ctx)) {
    const rec = validate(tenantSchema, src.node, src.path, ctx) as ClusterRec | undefined;
    if (rec !== undefined) tenants.push(assembleCluster(rec, clusterManifests(rec, loader), ctx) as TenantSpec);
  }
  const events = gathered.events.flatMap((ref) => readEvents(ref, loader));
  return {
    name: top.name ?? basename(file, extname(file)),
    description: top.description,
    seed: top.seed,
    horizon: top.horizon,
    ...(platform === undefined ? {} : { platform }),
    tenants,
    events,
    expect: top.expect,
    sourceFiles: loader.files,
  };
}

function buildPlatform(p: NonNullable<TopRec['platform']>, loader: Loader): PlatformSpec | undefined {
  const rec = validate(managementSchema, p.management.node, p.management.path, loader.ctx) as ClusterRec | undefined;
  if (rec === undefined) return undefined;
  const management: ClusterSpec = assembleCluster(rec, clusterManifests(rec, loader), loader.ctx);
  return { management, ingress: p.ingress, loadBalancers: p.loadBalancers, pki: p.pki };
}

/** Events of one file; `policies` of policy-apply events become Manifests. */
function readEvents(ref: RawRef, loader: Loader): TimelineEventSpec[] {
  if (ref.node.kind !== 'seq') return [];
  const out: TimelineEventSpec[] = [];
  ref.node.items.forEach((item, i) => {
    const path = `${ref.path}[${i}]`;
    const e = validate(eventSchema, item, path, loader.ctx) as (Omit<TimelineEventSpec, 'policies'> & { policies?: RawRef }) | undefined;
    if (e === undefined) return;
    const event = (e.policies === undefined ? e : { ...e, policies: eventPolicies(e.policies, loader) }) as TimelineEventSpec;
    const origin = loader.prov.get(e);
    if (origin !== undefined) loader.prov.set(event, origin);
    out.push(event);
  });
  return out;
}

/** The manifests an event applies: policy kinds only (Kubernetes, Calico, admin network policies). */
function eventPolicies(ref: RawRef, loader: Loader): Manifest[] {
  const raw = ref.node.kind === 'seq' ? ref.node.items.map((node, j) => ({ node, path: `${ref.path}[${j}]` })) : [];
  const parts = normaliseManifests(raw, loader.manifestCtx, new IgnoredKinds());
  const others = [...parts.ignored, ...parts.resources, ...parts.namespaces, ...parts.workloads, ...parts.pods,
    ...parts.services, ...parts.ingresses, ...parts.ipPools, ...parts.nodes];
  for (const m of others) {
    const what = 'apiVersion' in m ? `${m.kind} is not a policy` : 'not a policy';
    errorAt(loader.ctx, loader.prov.at(m), `${what}; policy-apply applies policies only`);
  }
  return parts.policies;
}
