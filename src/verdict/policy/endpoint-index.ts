// verdict: a policy model's pods by `namespace/name` (the first endpoint of that name, as a scan would
// find it), built once per model: probes name their ends this way, thousands at a time.
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import type { PolicyModel } from '../../model/policy/types.js';

const indexes = new WeakMap<PolicyModel['endpoints'], Map<string, WorkloadEndpoint>>();

/** The endpoint named `namespace/name` in `model`, or undefined. */
export function endpointNamed(model: PolicyModel, namespace: string, name: string): WorkloadEndpoint | undefined {
  let index = indexes.get(model.endpoints);
  if (!index) {
    index = new Map();
    for (const e of model.endpoints) {
      const key = `${e.namespace}/${e.name}`;
      if (!index.has(key)) index.set(key, e);
    }
    indexes.set(model.endpoints, index);
  }
  return index.get(`${namespace}/${name}`);
}
