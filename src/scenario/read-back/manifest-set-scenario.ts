// scenario: a folder `calisim manifests` wrote into a Scenario — its root as one cluster per cluster folder,
// with the platform (management cluster, managed tenants, ingress controller, load balancers) when the root
// holds the management cluster; or one cluster folder alone, as a cluster of its own.
import { basename, join, relative, resolve } from 'node:path';
import type { Loader } from '../read/loader.js';
import { isManagementFolder, withPlatform } from './manifest-platform.js';
import { manifestScenario } from '../manifests/manifest-scenario.js';
import { isSetCluster, readBackPaths, setClusters } from './manifest-set-input.js';
import type { Scenario } from '../types.js';

/** What the platform read-back (manifest-platform.ts) takes from the management cluster's folder, and as what. */
const PLATFORM_READ = [
  'install/ingress-nginx (the controller\'s Deployment, Service and IngressClass: platform.ingress)',
  'install/tenant-vms (VirtualMachines and NetworkAttachmentDefinitions: the tenants\' nodes, hosts and VM MTU)',
  'install/flannel (kube-flannel ConfigMaps and DaemonSets: each tenant\'s flannel network)',
  'loadbalancers/ (platform.loadBalancers)',
  'pki/ (platform.pki lifetimes)',
].join(', ');

/** The scenario of a set's root or of one of its cluster folders; undefined for any other path. */
export function readSet(path: string, loader: Loader): Omit<Scenario, 'warnings'> | undefined {
  const names = setClusters(path);
  if (names === undefined && !isSetCluster(path)) return undefined;
  const dirs = names === undefined ? [path] : names.map((n) => join(path, n));
  // A platform needs its tenants: only a set's root (not one cluster folder) is read with it.
  const mi = names === undefined ? -1 : dirs.findIndex(isManagementFolder);
  const clusters = dirs.map((dir, i) => {
    const paths = readBackPaths(dir);
    const platform = i === mi ? `; the platform from ${PLATFORM_READ}` : '';
    loader.sink.warn({ file: join(dir, 'kustomization.yaml'), line: 0, col: 0 }, '',
      `${dir} was written by calisim manifests: read back from ${paths.map((p) => relative(dir, p)).join(', ')}${platform}; its Calico installation and BIRD files are derived and not read`);
    return { name: basename(resolve(dir)), at: dir, raw: paths.flatMap((p) => loader.readManifests(p)) };
  });
  const scenario = manifestScenario(basename(resolve(path)), `Manifest set ${path}`, clusters, loader);
  return mi < 0 ? scenario : withPlatform(scenario, mi, dirs[mi]!, loader);
}
