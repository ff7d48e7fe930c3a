// model: when two pods' endpoint parts are the same — namespace, service account, labels (keys in the same
// order) and container ports — so that buildEndpoints computes their Calico labels, ports and profiles once.
import type { ContainerPort } from '../../scenario/types.js';
import type { PodInput } from './types.js';

/** Whether `a` and `b` have the same namespace, service account, labels (keys in the same order) and ports. */
export function samePodContent(a: PodInput, b: PodInput): boolean {
  if (a.namespace !== b.namespace || a.serviceAccount !== b.serviceAccount) return false;
  if (a.labels !== b.labels) {
    const ka = Object.keys(a.labels);
    const kb = Object.keys(b.labels);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || a.labels[ka[i] as string] !== b.labels[ka[i] as string]) return false;
  }
  if (a.ports === b.ports) return true;
  if (a.ports.length !== b.ports.length) return false;
  return a.ports.every((p, i) => {
    const q = b.ports[i] as ContainerPort;
    return (p.name ?? '') === (q.name ?? '') && p.containerPort === q.containerPort && p.protocol === q.protocol && p.hostPort === q.hostPort;
  });
}
