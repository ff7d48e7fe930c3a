// emit: the Kubernetes OpenAPI schemas of the core kinds calisim writes, from npm kubernetes-models (4.x: the
// line that runs on Node 20), keyed by `apiVersion/kind`. A kind absent here has no schema in that library.
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Node } from 'kubernetes-models/v1/Node';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

/** A kubernetes-models class: built from plain data, `validate()` throws on a schema violation. */
type ModelClass = new (data: never) => { validate(): void };

const CLASSES: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['apps/v1/DaemonSet', DaemonSet as unknown as ModelClass],
  ['apps/v1/Deployment', Deployment as unknown as ModelClass],
  ['apps/v1/ReplicaSet', ReplicaSet as unknown as ModelClass],
  ['apps/v1/StatefulSet', StatefulSet as unknown as ModelClass],
  ['batch/v1/Job', Job as unknown as ModelClass],
  ['networking.k8s.io/v1/Ingress', Ingress as unknown as ModelClass],
  ['networking.k8s.io/v1/IngressClass', IngressClass as unknown as ModelClass],
  ['networking.k8s.io/v1/NetworkPolicy', NetworkPolicy as unknown as ModelClass],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget as unknown as ModelClass],
  ['rbac.authorization.k8s.io/v1/ClusterRole', ClusterRole as unknown as ModelClass],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', ClusterRoleBinding as unknown as ModelClass],
  ['rbac.authorization.k8s.io/v1/Role', Role as unknown as ModelClass],
  ['rbac.authorization.k8s.io/v1/RoleBinding', RoleBinding as unknown as ModelClass],
  ['v1/ConfigMap', ConfigMap as unknown as ModelClass],
  ['v1/Namespace', Namespace as unknown as ModelClass],
  ['v1/Node', Node as unknown as ModelClass],
  ['v1/Pod', Pod as unknown as ModelClass],
  ['v1/Secret', Secret as unknown as ModelClass],
  ['v1/Service', Service as unknown as ModelClass],
  ['v1/ServiceAccount', ServiceAccount as unknown as ModelClass],
]);

/** True when the library carries a schema for this apiVersion and kind. */
export function hasCoreSchema(apiVersion: string, kind: string): boolean {
  return CLASSES.has(`${apiVersion}/${kind}`);
}

/** Validates one object against its kind's schema: undefined when valid, else the library's message. */
export function validateCore(object: Readonly<Record<string, unknown>>): string | undefined {
  const cls = CLASSES.get(`${String(object['apiVersion'])}/${String(object['kind'])}`);
  if (cls === undefined) return `no schema for ${String(object['apiVersion'])} ${String(object['kind'])}`;
  try {
    new cls(structuredClone(object) as never).validate();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
