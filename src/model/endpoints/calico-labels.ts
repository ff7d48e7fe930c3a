// model: the labels Calico selectors see on a pod's WorkloadEndpoint — own labels, the labels
// workload_endpoint_default.go adds, and those inherited from the kns./ksa. profiles (own label wins).
import type { Labels } from '../../scenario/types.js';

export const LABEL_NAMESPACE = 'projectcalico.org/namespace';
export const LABEL_ORCHESTRATOR = 'projectcalico.org/orchestrator';
export const LABEL_SERVICE_ACCOUNT = 'projectcalico.org/serviceaccount';
/** conversion/constants.go NameLabel, added under pcns./pcsa. by the generated profiles. */
export const LABEL_NAME = 'projectcalico.org/name';
/** Set on every namespace by the API server (NamespaceDefaultLabelName). */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

/** labelsToApply of profile `kns.<ns>` (NamespaceToProfile): pcns.<key> per namespace label + pcns.projectcalico.org/name. */
export function namespaceProfileLabels(ns: string, nsLabels: Labels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(nsLabels)) out[`pcns.${k}`] = v;
  out[`pcns.${LABEL_NAME}`] = ns;
  return out;
}

/** labelsToApply of profile `ksa.<ns>.<sa>` (ServiceAccountToProfile). */
export function serviceAccountProfileLabels(sa: string, saLabels: Labels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(saLabels)) out[`pcsa.${k}`] = v;
  out[`pcsa.${LABEL_NAME}`] = sa;
  return out;
}

/**
 * Pod labels + projectcalico.org/{namespace, orchestrator=k8s, serviceaccount (only if < 63 chars)}, then the
 * inherited profile labels for keys the endpoint does not have itself (felix label inheritance index).
 */
export function workloadLabels(
  podLabels: Labels,
  ns: string,
  serviceAccount: string,
  inherited: readonly Labels[],
): Record<string, string> {
  const own: Record<string, string> = { ...podLabels };
  own[LABEL_NAMESPACE] = ns;
  own[LABEL_ORCHESTRATOR] = 'k8s';
  if (serviceAccount !== '' && serviceAccount.length < 63) own[LABEL_SERVICE_ACCOUNT] = serviceAccount;
  return withInherited(own, inherited);
}

/** `own` plus every inherited label whose key `own` lacks (earlier profiles win among themselves). */
export function withInherited(own: Labels, inherited: readonly Labels[]): Record<string, string> {
  const out: Record<string, string> = { ...own };
  for (const labels of inherited) {
    for (const [k, v] of Object.entries(labels)) if (!Object.hasOwn(out, k)) out[k] = v;
  }
  return sortLabels(out);
}

/** The same labels with keys in sorted order (deterministic output). */
export function sortLabels(labels: Labels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels).sort()) out[k] = labels[k] as string;
  return out;
}
