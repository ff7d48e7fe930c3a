// verdict: what a cluster's policy model was built from, read without building it — its input's key
// (policy-input-key.ts) and its endpoints as the running pods stand (endpoint i is pod i, as buildEndpoints
// makes them). Found by the ClusterPolicies object policyModelsOf made: a copy with another model has none.
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import type { PolicyInputKey } from './policy-input-key.js';

/** The fields of a WorkloadEndpoint known before its model is built. */
export type EndpointFacts = Pick<WorkloadEndpoint, 'index' | 'name' | 'namespace' | 'ip' | 'node' | 'hostNetwork' | 'owner'>;

/** A cluster's input, each part computed when first asked. */
export interface ClusterInput {
  /** Its running pods (clusters with different counts have different keys). */
  readonly pods: number;
  /** Equal keys: models equal up to the cluster's name, node names and addresses (policy-input-key.ts). */
  key(): PolicyInputKey;
  endpoints(): readonly EndpointFacts[];
}

const inputs = new WeakMap<ClusterPolicies, ClusterInput>();

/** Records what `c` (made by policyModelsOf) was built from; returns `c`. */
export function withClusterInput(c: ClusterPolicies, input: ClusterInput): ClusterPolicies {
  inputs.set(c, input);
  return c;
}

/** What `c` was built from, when policyModelsOf made it from a run's state. */
export function clusterInputOf(c: ClusterPolicies): ClusterInput | undefined {
  return inputs.get(c);
}

/** The endpoints of `c`'s model, read from its input when it has one (the model is then not built). */
export function clusterEndpoints(c: ClusterPolicies): readonly EndpointFacts[] {
  return inputs.get(c)?.endpoints() ?? c.model.endpoints;
}
