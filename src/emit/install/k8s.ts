// emit: small builders shared by the install renderers — object metadata, the pinned component versions and
// the namespaces every cluster has built in (so a reference to them needs no emitted Namespace).
import type { JsonObject, JsonValue } from '../../scenario/types.js';

/** A Kubernetes object as emitted (plain JSON, written as YAML or JSON). */
export type K8sObject = JsonObject;

/** Calico release whose install the renderers follow (manifests/calico.yaml, calico-typha.yaml, operator). */
export const CALICO_VERSION = 'v3.32.1';
/** flannel release of kube-flannel.yml (flannel-io/flannel Documentation/kube-flannel.yml). */
export const FLANNEL_VERSION = 'v0.28.9';
/** flannel's CNI plugin image tag in the same kube-flannel.yml. */
export const FLANNEL_CNI_PLUGIN_VERSION = 'v1.9.1-flannel3';

/** Namespaces a cluster has without anyone creating them (kube-apiserver's system namespaces). */
export const BUILT_IN_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
/** PriorityClasses every cluster has (kube-apiserver creates them). */
export const BUILT_IN_PRIORITY_CLASSES: ReadonlySet<string> = new Set(['system-node-critical', 'system-cluster-critical']);

/** `metadata` with a name, an optional namespace and labels (empty label maps left out). */
export function meta(name: string, namespace?: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): JsonObject {
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
    ...(Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
  };
}

/** An object of `kind` in `apiVersion`. */
export function object(apiVersion: string, kind: string, metadata: JsonObject, rest: Record<string, JsonValue> = {}): K8sObject {
  return { apiVersion, kind, metadata, ...rest };
}

/** An environment variable with a literal value. */
export function env(name: string, value: string): JsonObject {
  return { name, value };
}

/** An environment variable read from a ConfigMap key. */
export function envFromConfigMap(name: string, configMap: string, key: string): JsonObject {
  return { name, valueFrom: { configMapKeyRef: { name: configMap, key } } };
}

/** An environment variable read from the pod's own fields (`spec.nodeName`, `status.hostIP`). */
export function envFromField(name: string, fieldPath: string): JsonObject {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}

/** A hostPath volume. */
export function hostPathVolume(name: string, path: string, type?: string): JsonObject {
  return { name, hostPath: { path, ...(type !== undefined ? { type } : {}) } };
}

/** A ServiceAccount. */
export function serviceAccount(name: string, namespace: string): K8sObject {
  return object('v1', 'ServiceAccount', meta(name, namespace));
}

/** A ClusterRole with its rules, and the ClusterRoleBinding granting it to a ServiceAccount. */
export function clusterRoleFor(name: string, sa: { readonly name: string; readonly namespace: string }, rules: readonly JsonObject[]): K8sObject[] {
  return [
    object('rbac.authorization.k8s.io/v1', 'ClusterRole', meta(name), { rules: [...rules] }),
    object('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', meta(name), {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace }],
    }),
  ];
}

/** An RBAC rule. */
export function rule(apiGroups: readonly string[], resources: readonly string[], verbs: readonly string[], resourceNames?: readonly string[]): JsonObject {
  return { apiGroups: [...apiGroups], resources: [...resources], verbs: [...verbs], ...(resourceNames ? { resourceNames: [...resourceNames] } : {}) };
}
