// emit: flannel as the management cluster runs it for the tenants' networks — one flanneld per on-premises
// tenant network on every management host, in etcd mode (kube-subnet-mgr gives a node one podCIDR, so several
// networks on one host need etcd, each under its own prefix), laid out as flannel's kube-flannel.yml lays out its
// single network: namespace kube-flannel, ServiceAccount and RBAC, a ConfigMap with the tenant's net-conf.json,
// and a DaemonSet whose init container writes that configuration under the network's etcd prefix.
import { renderNetConf } from '../flannel/render-flannel-config.js';
import type { FlannelSpec } from '../../scenario/types.js';
import { clusterRoleFor, envFromField, FLANNEL_CNI_PLUGIN_VERSION, FLANNEL_VERSION, hostPathVolume, meta, object, rule, serviceAccount, type K8sObject } from './k8s.js';

const NS = 'kube-flannel';
/** etcd image used only to write each network's configuration (etcdctl), matching the etcd the hosts run. */
const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.21-0';

/** One on-premises tenant network. */
export interface FlannelNetwork {
  readonly tenant: string;
  readonly flannel: FlannelSpec;
}

/** The etcd prefix of a tenant's network (flanneld `--etcd-prefix`); its configuration lives at `<prefix>/config`. */
export const etcdPrefixOf = (tenant: string): string => `/calisim.io/flannel/${tenant}/network`;
/** The subnet file flanneld writes for a tenant's network, which the network's CNI configuration reads. */
export const subnetFileOf = (tenant: string): string => `/run/flannel/networks/${tenant}.env`;

/** Namespace, RBAC and, per network, a ConfigMap and a DaemonSet (healthz ports 8100, 8101, ... per network). */
export function flannelInstall(networks: readonly FlannelNetwork[], etcdEndpoints: string): K8sObject[] {
  if (networks.length === 0) return [];
  const labels = { 'k8s-app': 'flannel' };
  return [
    object('v1', 'Namespace', meta(NS, undefined, { ...labels, 'pod-security.kubernetes.io/enforce': 'privileged' })),
    serviceAccount('flannel', NS),
    ...clusterRoleFor('flannel', { name: 'flannel', namespace: NS }, [rule([''], ['pods'], ['get']), rule([''], ['nodes'], ['get', 'list', 'watch']), rule([''], ['nodes/status'], ['patch'])]),
    object('v1', 'ConfigMap', meta('flannel-etcd', NS, labels), { data: { endpoints: etcdEndpoints } }),
    ...networks.flatMap((n, i) => networkObjects(n, 8100 + i)),
  ];
}

function networkObjects(n: FlannelNetwork, healthzPort: number): K8sObject[] {
  const name = `kube-flannel-${n.tenant}`;
  const labels = { app: 'flannel', tier: 'node', 'calisim.io/tenant': n.tenant };
  const prefix = etcdPrefixOf(n.tenant);
  const image = `ghcr.io/flannel-io/flannel:${FLANNEL_VERSION}`;
  const etcdEnv = { name: 'ETCD_ENDPOINTS', valueFrom: { configMapKeyRef: { name: 'flannel-etcd', key: 'endpoints' } } };
  return [
    object('v1', 'ConfigMap', meta(`${name}-cfg`, NS, labels), { data: { 'net-conf.json': renderNetConf(n.flannel) } }),
    object('apps/v1', 'DaemonSet', meta(name, NS, labels), {
      spec: {
        selector: { matchLabels: { app: 'flannel', 'calisim.io/tenant': n.tenant } },
        template: {
          metadata: { labels },
          spec: {
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
            serviceAccountName: 'flannel',
            initContainers: [
              {
                name: 'install-cni-plugin',
                image: `ghcr.io/flannel-io/flannel-cni-plugin:${FLANNEL_CNI_PLUGIN_VERSION}`,
                command: ['cp'],
                args: ['-f', '/flannel', '/opt/cni/bin/flannel'],
                volumeMounts: [{ name: 'cni-plugin', mountPath: '/opt/cni/bin' }],
              },
              {
                name: 'put-network-config',
                image: ETCD_IMAGE,
                command: ['/bin/sh', '-c'],
                args: [`etcdctl --endpoints="$ETCD_ENDPOINTS" put ${prefix}/config "$(cat /etc/kube-flannel/net-conf.json)"`],
                env: [etcdEnv],
                volumeMounts: [{ name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' }],
              },
            ],
            containers: [
              {
                name: 'kube-flannel',
                image,
                command: ['/opt/bin/flanneld'],
                args: [
                  ...(n.flannel.ipMasq ? ['--ip-masq'] : []),
                  '--etcd-endpoints=$(ETCD_ENDPOINTS)',
                  `--etcd-prefix=${prefix}`,
                  `--subnet-file=${subnetFileOf(n.tenant)}`,
                  '--public-ip=$(HOST_IP)',
                  `--healthz-port=${healthzPort}`,
                ],
                ports: [{ name: 'healthz', containerPort: healthzPort, protocol: 'TCP' }],
                livenessProbe: { httpGet: { path: '/healthz', port: 'healthz' }, initialDelaySeconds: 10, periodSeconds: 30 },
                resources: { requests: { cpu: '100m', memory: '50Mi' } },
                securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
                env: [envFromField('POD_NAME', 'metadata.name'), envFromField('POD_NAMESPACE', 'metadata.namespace'), envFromField('HOST_IP', 'status.hostIP'), etcdEnv],
                volumeMounts: [
                  { name: 'run', mountPath: '/run/flannel' },
                  { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' },
                  { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
                ],
              },
            ],
            volumes: [
              hostPathVolume('run', '/run/flannel'),
              hostPathVolume('cni-plugin', '/opt/cni/bin'),
              { name: 'flannel-cfg', configMap: { name: `${name}-cfg` } },
              hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
            ],
          },
        },
      },
    }),
  ];
}
