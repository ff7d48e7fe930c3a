// scenario: the management cluster's ingress controller read back from a manifest set — the ingress-nginx
// Deployment, its `<name>-controller` Service and its IngressClass — into platform.ingress.
import type { ClusterSpec, IngressControllerSpec, Manifest, ServiceSpec, WorkloadSpec } from '../types.js';
import { jsonAt } from './read-back-objects.js';

/** The controller's pod labels in ingress-nginx's deploy manifests (the Deployment's selector). */
const CONTROLLER_LABELS = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } as const;
/** IngressClass spec.controller of ingress-nginx (its `--controller-class` default). */
const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';

/** The controller found in a cluster: its spec, and the Deployment, Service and IngressClass it stands for. */
export interface IngressReadBack {
  readonly spec: IngressControllerSpec;
  readonly workload: WorkloadSpec;
  readonly service?: ServiceSpec;
  readonly ingressClass?: Manifest;
}

const isController = (w: WorkloadSpec): boolean =>
  w.kind === 'Deployment' && Object.entries(CONTROLLER_LABELS).every(([k, v]) => w.labels[k] === v);

/**
 * The ingress-nginx controller of `c`, or undefined when it runs none. The Service is the one its deploy
 * manifests name `<deployment>-controller` (the controller's `--publish-service`); the class is the
 * IngressClass whose controller is ingress-nginx's (default `nginx`, as the platform's default).
 */
export function readIngressController(c: ClusterSpec): IngressReadBack | undefined {
  const workload = c.workloads.find(isController);
  if (workload === undefined) return undefined;
  const service = c.services.find((s) => s.namespace === workload.namespace && s.name === `${workload.name}-controller`);
  const ingressClass = c.ignored.find((m) => m.kind === 'IngressClass' && jsonAt(m.body, 'spec.controller') === CONTROLLER_CLASS);
  const nodePort = (name: string, fallback: number): number => service?.ports.find((p) => p.name === name)?.nodePort ?? fallback;
  const spec: IngressControllerSpec = {
    name: workload.name,
    namespace: workload.namespace,
    replicas: workload.replicas,
    hostNetwork: workload.hostNetwork,
    className: ingressClass?.name ?? 'nginx',
    serviceType: service?.type === 'LoadBalancer' ? 'LoadBalancer' : 'NodePort',
    httpNodePort: nodePort('http', 30080),
    httpsNodePort: nodePort('https', 30443),
    externalTrafficPolicy: service?.externalTrafficPolicy ?? 'Cluster',
    src: workload.src,
  };
  return { spec, workload, ...(service === undefined ? {} : { service }), ...(ingressClass === undefined ? {} : { ingressClass }) };
}
