// scenario: recognising a folder `calisim manifests` wrote — one cluster folder, or the set's root holding one
// per cluster — and which of its files read back as the cluster (the rest is derived from those).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFile, isFolder } from '../read/loader.js';

/** First line of the kustomization.yaml of every cluster folder `calisim manifests` writes. */
const SET_MARKER = '# Written by calisim manifests';

/** The marker line of the `index`-th (from 0) of `count` clusters: the read-back keeps the platform's order. */
export function setMarker(index: number, count: number, name: string): string {
  return `${SET_MARKER}: cluster ${index + 1} of ${count} (${name})`;
}

/** The cluster's position recorded by its marker line (0 when the line has none). */
function setPosition(dir: string): number {
  const m = /^# Written by calisim manifests: cluster (\d+) of/.exec(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  return m === null ? 0 : Number(m[1]);
}

/**
 * What a cluster folder reads back as: the Kubernetes objects and Calico resources, the management cluster's
 * ingress controller and its tenants' VMs. The Calico and flannel installations, BIRD and flannel files, PKI
 * and load-balancer configuration are derived from these by the emitter, so reading them too adds nothing.
 */
export const READ_BACK = ['kubernetes', 'calico', 'install/ingress-nginx', 'install/tenant-vms'] as const;

/** A cluster folder written by `calisim manifests` (its kustomization.yaml opens with the marker). */
export function isSetCluster(dir: string): boolean {
  const k = join(dir, 'kustomization.yaml');
  if (!isFile(k)) return false;
  return readFileSync(k, 'utf8').startsWith(SET_MARKER);
}

/** The cluster folders of a set's root (in the platform's order), or undefined when `dir` is not one: a folder whose every
 * entry is a cluster folder written by `calisim manifests`. */
export function setClusters(dir: string): string[] | undefined {
  if (!isFolder(dir) || isSetCluster(dir)) return undefined;
  const names = readdirSync(dir).sort();
  if (names.length === 0) return undefined;
  if (!names.every((n) => isSetCluster(join(dir, n)))) return undefined;
  const position = new Map(names.map((n) => [n, setPosition(join(dir, n))]));
  return names.sort((a, b) => position.get(a)! - position.get(b)! || (a < b ? -1 : 1));
}

/** The paths of a cluster folder that read back as the cluster (those present; files written as YAML or JSON). */
export function readBackPaths(dir: string): string[] {
  return READ_BACK.flatMap((p) => [join(dir, p), join(dir, `${p}.yaml`), join(dir, `${p}.json`)]).filter((p) => isFolder(p) || isFile(p));
}
