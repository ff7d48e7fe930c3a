// emit: the Kubernetes objects of a cluster as `kubectl apply` takes them — Namespaces, the workloads
// (Deployment / StatefulSet / DaemonSet / ReplicaSet with their pod templates), pods given as they are,
// Services, Ingresses, Gateways, HTTPRoutes, and the policies in force exactly as the user wrote them. Reading the output back gives the same cluster.
import type { ClusterSpec, ContainerPort, IngressSpec, JsonObject, Manifest, ServicePortSpec, ServiceSpec, StaticPodSpec, WorkloadSpec } from '../../scenario/types.js';
import { gatewayObject } from './gateway-object.js';
import { httpRouteObject } from './httproute-object.js';
import { referenceGrantObject } from './reference-grant-object.js';

/** One file of objects: its name and the objects in it. */
export interface ObjectsFile {
  readonly file: string;
  readonly objects: readonly JsonObject[];
}

/**
 * The cluster's objects as lists per file: namespaces.yaml, workloads.yaml, pods.yaml, services.yaml,
 * ingresses.yaml, gateways.yaml, httproutes.yaml, policies.yaml (empty files left out). Pods given as they are (a kubectl dump's bare Pods)
 * are written as Pods; pods `skipPod` claims (the tenant VMs, written as VirtualMachines) are left out.
 */
export function kubernetesObjectFiles(
  cluster: ClusterSpec,
  services: readonly (ServiceSpec & { clusterIP?: string })[],
  policies: readonly Manifest[],
  skipPod: (p: StaticPodSpec) => boolean = () => false,
): ObjectsFile[] {
  const files: ObjectsFile[] = [];
  const add = (file: string, objects: readonly JsonObject[]): void => {
    if (objects.length) files.push({ file, objects });
  };
  add(
    'namespaces.yaml',
    cluster.namespaces.filter((n) => n.declared).map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n.name, labels: { ...n.labels } } })),
  );
  add('workloads.yaml', cluster.workloads.map(workloadObject));
  add('pods.yaml', cluster.pods.filter((p) => !skipPod(p)).map(podObject));
  add('services.yaml', services.map(serviceObject));
  add('ingresses.yaml', cluster.ingresses.map(ingressObject));
  add('gateways.yaml', [...(cluster.gateways ?? []).map(gatewayObject), ...(cluster.referenceGrants ?? []).map(referenceGrantObject)]);
  add('httproutes.yaml', (cluster.httpRoutes ?? []).map(httpRouteObject));
  add('policies.yaml', policies.map((p) => p.body));
  return files;
}

/**
 * A pod given as it is: its node and address kept (status is ignored by `kubectl apply`, read back by calisim).
 * Built field by field in a fixed order (one object shape for every pod, B1 writes 10,000 of them).
 */
function podObject(p: StaticPodSpec): JsonObject {
  const metadata: JsonObject = { name: p.name, namespace: p.namespace };
  if (Object.keys(p.labels).length) metadata['labels'] = { ...p.labels };
  const spec: JsonObject = {};
  if (p.nodeName !== undefined) spec['nodeName'] = p.nodeName;
  spec['serviceAccountName'] = p.serviceAccount;
  if (p.hostNetwork) spec['hostNetwork'] = true;
  const container: JsonObject = { name: 'main', image: 'registry.k8s.io/pause:3.9' };
  if (p.ports.length) container['ports'] = p.ports.map(containerPort);
  spec['containers'] = [container];
  const pod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata, spec };
  if (p.podIP !== undefined) pod['status'] = { podIP: p.podIP };
  return pod;
}

function containerPort(p: ContainerPort): JsonObject {
  const port: JsonObject = {};
  if (p.name !== undefined) port['name'] = p.name;
  port['containerPort'] = p.containerPort;
  port['protocol'] = p.protocol;
  if (p.hostPort !== undefined) port['hostPort'] = p.hostPort;
  return port;
}

function workloadObject(w: WorkloadSpec): JsonObject {
  const containers = [
    {
      name: w.name,
      image: 'registry.k8s.io/pause:3.9',
      ...(w.ports.length ? { ports: w.ports.map(containerPort) } : {}),
    },
  ];
  const podSpec: JsonObject = {
    serviceAccountName: w.serviceAccount,
    ...(Object.keys(w.nodeSelector).length ? { nodeSelector: { ...w.nodeSelector } } : {}),
    ...(w.hostNetwork ? { hostNetwork: true } : {}),
    ...(w.terminationGracePeriodSeconds !== undefined ? { terminationGracePeriodSeconds: w.terminationGracePeriodSeconds } : {}),
    containers,
  };
  const template = { metadata: { labels: { ...w.labels } }, spec: podSpec };
  const selector = { matchLabels: { ...w.labels } };
  const apiVersion = 'apps/v1';
  const metadata = { name: w.name, namespace: w.namespace };
  if (w.kind === 'DaemonSet') return { apiVersion, kind: w.kind, metadata, spec: { selector, template } };
  if (w.kind === 'StatefulSet') return { apiVersion, kind: w.kind, metadata, spec: { serviceName: w.name, replicas: w.replicas, selector, template } };
  const kind = w.kind === 'Pod' ? 'Deployment' : w.kind;
  return { apiVersion, kind, metadata, spec: { replicas: w.replicas, selector, template } };
}

function serviceObject(s: ServiceSpec & { clusterIP?: string }): JsonObject {
  const affinity: JsonObject = s.sessionAffinity === 'ClientIP' ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: s.sessionAffinityTimeout ?? 10800 } } } : {};
  // Calico's LoadBalancer controller keeps an address named in this annotation (its IPAM assigned it).
  const annotations: Record<string, string> = {
    ...(s.loadBalancerIP !== undefined ? { 'projectcalico.org/loadBalancerIPs': JSON.stringify([s.loadBalancerIP]) } : {}),
    ...(s.topologyMode !== undefined ? { 'service.kubernetes.io/topology-mode': s.topologyMode } : {}),
  };
  const meta: JsonObject = Object.keys(annotations).length ? { annotations } : {};
  if (s.type === 'ExternalName') {
    return { apiVersion: 'v1', kind: 'Service', metadata: { name: s.name, namespace: s.namespace }, spec: { type: s.type, externalName: s.externalName ?? '', ...(s.ports.length ? { ports: s.ports.map(portObject) } : {}) } };
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace, ...meta },
    spec: {
      type: s.type,
      ...(s.clusterIP !== undefined ? { clusterIP: s.clusterIP } : {}),
      selector: { ...s.selector },
      ...(s.type !== 'ClusterIP' ? { externalTrafficPolicy: s.externalTrafficPolicy } : {}),
      ...(s.internalTrafficPolicy !== undefined ? { internalTrafficPolicy: s.internalTrafficPolicy } : {}),
      ...(s.trafficDistribution !== undefined ? { trafficDistribution: s.trafficDistribution } : {}),
      ...affinity,
      ...(s.externalIPs?.length ? { externalIPs: [...s.externalIPs] } : {}),
      ...(s.healthCheckNodePort !== undefined ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
      ports: s.ports.map(portObject),
    },
  };
}

function portObject(p: ServicePortSpec): JsonObject {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    port: p.port,
    targetPort: p.targetPort,
    protocol: p.protocol,
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
  };
}

function ingressObject(i: IngressSpec): JsonObject {
  const backend = (service: string, port: number | string): JsonObject => ({
    service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } },
  });
  const paths = i.paths.filter((p) => !p.defaultBackend);
  const def = i.paths.find((p) => p.defaultBackend);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: i.name, namespace: i.namespace, ...(Object.keys(i.annotations).length ? { annotations: { ...i.annotations } } : {}) },
    spec: {
      ...(i.className !== undefined ? { ingressClassName: i.className } : {}),
      ...(def ? { defaultBackend: backend(def.service, def.port) } : {}),
      ...(i.tls?.length ? { tls: [{ hosts: [...i.tls] }] } : {}),
      ...(paths.length
        ? {
            rules: [
              {
                ...(i.host !== undefined ? { host: i.host } : {}),
                http: { paths: paths.map((p) => ({ path: p.path, pathType: p.pathType, backend: backend(p.service, p.port) })) },
              },
            ],
          }
        : {}),
    },
  };
}
