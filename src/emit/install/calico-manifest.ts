// emit: Calico's manifest install for one cluster, as manifests/calico-typha.yaml lays it out — the
// calico-config ConfigMap with the CNI configuration, the calico-node DaemonSet whose environment follows the
// scenario (pools, backend, encapsulation, MTU, address autodetection), Typha sized by the operator's formula
// within the documented cap, and calico-kube-controllers. RBAC comes from calico-rbac.ts.
import type { JsonObject } from '../../scenario/types.js';
import { calicoRbac } from './calico-rbac.js';
import { manifestTyphaReplicas, type CalicoInstallInput } from './calico-install-input.js';
import { CALICO_VERSION, env, envFromConfigMap, envFromField, hostPathVolume, meta, object, type K8sObject } from './k8s.js';

const NS = 'kube-system';
const image = (component: string): string => `quay.io/calico/${component}:${CALICO_VERSION}`;

/** Every object of the manifest install, in apply order (RBAC, configuration, DaemonSet, Deployments, Services). */
export function calicoManifestInstall(input: CalicoInstallInput): K8sObject[] {
  return [...calicoRbac(true), calicoConfig(input), calicoNode(input), ...typha(input), ...kubeControllers()];
}

/** ConfigMap calico-config: backend bird (Calico's BGP), Typha's Service name, veth_mtu, the CNI conflist. */
function calicoConfig(input: CalicoInstallInput): K8sObject {
  const cni = {
    name: 'k8s-pod-network',
    cniVersion: '1.0.0',
    plugins: [
      {
        type: 'calico',
        log_level: 'info',
        log_file_path: '/var/log/calico/cni/cni.log',
        datastore_type: 'kubernetes',
        nodename: '__KUBERNETES_NODE_NAME__',
        mtu: '__CNI_MTU__',
        ipam: { type: 'calico-ipam' },
        policy: { type: 'k8s' },
        kubernetes: { kubeconfig: '__KUBECONFIG_FILEPATH__' },
      },
      { type: 'portmap', snat: true, capabilities: { portMappings: true } },
    ],
  };
  // install-cni substitutes __CNI_MTU__ unquoted (a number in the final file), as calico.yaml writes it.
  const cniText = JSON.stringify(cni, null, 2).replace('"__CNI_MTU__"', '__CNI_MTU__');
  return object('v1', 'ConfigMap', meta('calico-config', NS), {
    data: { typha_service_name: 'calico-typha', calico_backend: 'bird', veth_mtu: String(input.vethMtu), cni_network_config: cniText },
  });
}

/** calico-node's environment: the first pool as CALICO_IPV4POOL_* (calico-node creates it only when no pool exists). */
function nodeEnv(input: CalicoInstallInput): JsonObject[] {
  const first = input.pools[0];
  const pool: JsonObject[] = first
    ? [
        env('CALICO_IPV4POOL_CIDR', first.cidr),
        env('CALICO_IPV4POOL_BLOCK_SIZE', String(first.blockSize)),
        env('CALICO_IPV4POOL_IPIP', first.ipipMode),
        env('CALICO_IPV4POOL_VXLAN', first.vxlanMode),
        env('CALICO_IPV4POOL_NAT_OUTGOING', String(first.natOutgoing)),
      ]
    : [env('NO_DEFAULT_POOLS', 'true')];
  return [
    env('DATASTORE_TYPE', 'kubernetes'),
    envFromConfigMap('FELIX_TYPHAK8SSERVICENAME', 'calico-config', 'typha_service_name'),
    env('WAIT_FOR_DATASTORE', 'true'),
    envFromField('NODENAME', 'spec.nodeName'),
    envFromConfigMap('CALICO_NETWORKING_BACKEND', 'calico-config', 'calico_backend'),
    env('CLUSTER_TYPE', 'k8s,bgp'),
    env('IP', 'autodetect'),
    // The model addresses every node inside its underlay network, so autodetection by CIDR finds that address.
    env('IP_AUTODETECTION_METHOD', `cidr=${input.nodeNetwork}`),
    env('AS', String(input.asNumber)),
    ...pool,
    env('CALICO_IPV6POOL_VXLAN', 'Never'),
    envFromConfigMap('FELIX_IPINIPMTU', 'calico-config', 'veth_mtu'),
    envFromConfigMap('FELIX_VXLANMTU', 'calico-config', 'veth_mtu'),
    envFromConfigMap('FELIX_WIREGUARDMTU', 'calico-config', 'veth_mtu'),
    env('CALICO_DISABLE_FILE_LOGGING', 'true'),
    env('FELIX_DEFAULTENDPOINTTOHOSTACTION', 'ACCEPT'),
    env('FELIX_IPV6SUPPORT', 'false'),
    env('FELIX_HEALTHENABLED', 'true'),
  ];
}

function calicoNode(input: CalicoInstallInput): K8sObject {
  const labels = { 'k8s-app': 'calico-node' };
  const cniEnv = [
    env('CNI_CONF_NAME', '10-calico.conflist'),
    envFromConfigMap('CNI_NETWORK_CONFIG', 'calico-config', 'cni_network_config'),
    envFromField('KUBERNETES_NODE_NAME', 'spec.nodeName'),
    envFromConfigMap('CNI_MTU', 'calico-config', 'veth_mtu'),
    env('SLEEP', 'false'),
  ];
  const health = (flags: string[]): JsonObject => ({ exec: { command: ['/bin/calico-node', ...flags] }, periodSeconds: 10, timeoutSeconds: 10 });
  return object('apps/v1', 'DaemonSet', meta('calico-node', NS, labels), {
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          hostNetwork: true,
          tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
          serviceAccountName: 'calico-node',
          terminationGracePeriodSeconds: 0,
          priorityClassName: 'system-node-critical',
          initContainers: [
            {
              name: 'upgrade-ipam',
              image: image('cni'),
              command: ['/opt/cni/bin/calico-ipam', '-upgrade'],
              env: [envFromField('KUBERNETES_NODE_NAME', 'spec.nodeName'), envFromConfigMap('CALICO_NETWORKING_BACKEND', 'calico-config', 'calico_backend')],
              volumeMounts: [{ mountPath: '/var/lib/cni/networks', name: 'host-local-net-dir' }, { mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' }],
              securityContext: { privileged: true },
            },
            {
              name: 'install-cni',
              image: image('cni'),
              command: ['/opt/cni/bin/install'],
              env: cniEnv,
              volumeMounts: [{ mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' }, { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir' }],
              securityContext: { privileged: true },
            },
          ],
          containers: [
            {
              name: 'calico-node',
              image: image('node'),
              env: nodeEnv(input),
              securityContext: { privileged: true },
              resources: { requests: { cpu: '250m' } },
              lifecycle: { preStop: { exec: { command: ['/bin/calico-node', '-shutdown'] } } },
              livenessProbe: { ...health(['-felix-live', '-bird-live']), initialDelaySeconds: 10, failureThreshold: 6 },
              readinessProbe: health(['-felix-ready', '-bird-ready']),
              volumeMounts: [
                { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir', readOnly: false },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
                { mountPath: '/var/run/calico', name: 'var-run-calico', readOnly: false },
                { mountPath: '/var/lib/calico', name: 'var-lib-calico', readOnly: false },
                { mountPath: '/var/run/nodeagent', name: 'policysync' },
                { mountPath: '/var/log/calico/cni', name: 'cni-log-dir', readOnly: true },
              ],
            },
          ],
          volumes: [
            hostPathVolume('lib-modules', '/lib/modules'),
            hostPathVolume('var-run-calico', '/var/run/calico', 'DirectoryOrCreate'),
            hostPathVolume('var-lib-calico', '/var/lib/calico', 'DirectoryOrCreate'),
            hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
            hostPathVolume('cni-bin-dir', '/opt/cni/bin', 'DirectoryOrCreate'),
            hostPathVolume('cni-net-dir', '/etc/cni/net.d'),
            hostPathVolume('cni-log-dir', '/var/log/calico/cni'),
            hostPathVolume('host-local-net-dir', '/var/lib/cni/networks'),
            hostPathVolume('policysync', '/var/run/nodeagent', 'DirectoryOrCreate'),
          ],
        },
      },
    },
  });
}

/** Typha: Deployment (host network, port 5473), its Service and PodDisruptionBudget (calico-typha.yaml). */
function typha(input: CalicoInstallInput): K8sObject[] {
  const labels = { 'k8s-app': 'calico-typha' };
  const probe = (path: string): JsonObject => ({ httpGet: { path, port: 9098, host: 'localhost' }, periodSeconds: 10 });
  return [
    object('apps/v1', 'Deployment', meta('calico-typha', NS, labels), {
      spec: {
        replicas: manifestTyphaReplicas(input.nodeCount),
        revisionHistoryLimit: 2,
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxSurge: '100%', maxUnavailable: 1 } },
        template: {
          metadata: { labels, annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' } },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            hostNetwork: true,
            tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', operator: 'Exists' }],
            serviceAccountName: 'calico-typha',
            priorityClassName: 'system-cluster-critical',
            securityContext: { fsGroup: 65534 },
            containers: [
              {
                name: 'calico-typha',
                image: image('typha'),
                ports: [{ containerPort: 5473, name: 'calico-typha', protocol: 'TCP' }],
                env: [
                  env('TYPHA_LOGSEVERITYSCREEN', 'info'),
                  env('TYPHA_LOGFILEPATH', 'none'),
                  env('TYPHA_LOGSEVERITYSYS', 'none'),
                  env('TYPHA_CONNECTIONREBALANCINGMODE', 'kubernetes'),
                  env('TYPHA_DATASTORETYPE', 'kubernetes'),
                  env('TYPHA_HEALTHENABLED', 'true'),
                  env('TYPHA_SHUTDOWNTIMEOUTSECS', '300'),
                ],
                livenessProbe: { ...probe('/liveness'), initialDelaySeconds: 30 },
                readinessProbe: probe('/readiness'),
                securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    }),
    object('v1', 'Service', meta('calico-typha', NS, labels), {
      spec: { ports: [{ port: 5473, protocol: 'TCP', targetPort: 'calico-typha', name: 'calico-typha' }], selector: labels },
    }),
    object('policy/v1', 'PodDisruptionBudget', meta('calico-typha', NS, labels), { spec: { maxUnavailable: 1, selector: { matchLabels: labels } } }),
  ];
}

function kubeControllers(): K8sObject[] {
  const labels = { 'k8s-app': 'calico-kube-controllers' };
  const check = (flag: string): JsonObject => ({ exec: { command: ['/usr/bin/check-status', flag] }, periodSeconds: 10 });
  return [
    object('apps/v1', 'Deployment', meta('calico-kube-controllers', NS, labels), {
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { name: 'calico-kube-controllers', namespace: NS, labels },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
            ],
            serviceAccountName: 'calico-kube-controllers',
            priorityClassName: 'system-cluster-critical',
            containers: [
              {
                name: 'calico-kube-controllers',
                image: image('kube-controllers'),
                env: [env('ENABLED_CONTROLLERS', 'node,loadbalancer'), env('DATASTORE_TYPE', 'kubernetes')],
                livenessProbe: { ...check('-l'), initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
                readinessProbe: check('-r'),
                securityContext: { runAsNonRoot: true },
              },
            ],
          },
        },
      },
    }),
    object('policy/v1', 'PodDisruptionBudget', meta('calico-kube-controllers', NS, labels), { spec: { maxUnavailable: 1, selector: { matchLabels: labels } } }),
  ];
}
