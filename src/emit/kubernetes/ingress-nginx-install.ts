// emit: the ingress-nginx installation the model runs in the management cluster, after the project's
// bare-metal deploy manifest (kubernetes/ingress-nginx deploy/static/provider/baremetal/deploy.yaml,
// controller v1.15.1): ServiceAccount, RBAC, ConfigMap, the controller Deployment (its real image, health
// port 10254) and the IngressClass. The Service is in services.yaml with the model's cluster IP and ports.
import type { IngressControllerSpec, JsonObject } from '../../scenario/types.js';

/** The controller image of the release the deploy manifest pins. */
export const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1';
/** ingress-nginx's health and metrics port (`--healthz-port`, /healthz). */
export const INGRESS_NGINX_HEALTH_PORT = 10254;

const rule = (apiGroups: string[], resources: string[], verbs: string[]): JsonObject => ({ apiGroups, resources, verbs });

/** The installation's objects for the platform's controller (install/ingress-nginx.yaml of the manifest set). */
export function ingressNginxObjects(ing: IngressControllerSpec): JsonObject[] {
  const ns = ing.namespace;
  const labels = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx' };
  const selector = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const meta = (name: string, namespaced = true): JsonObject => ({ name, ...(namespaced ? { namespace: ns } : {}), labels });
  const sa = 'ingress-nginx';
  const probe = { httpGet: { path: '/healthz', port: INGRESS_NGINX_HEALTH_PORT, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1 };
  const objects: JsonObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(sa), automountServiceAccountToken: true },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(sa, false),
      rules: [
        rule([''], ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], ['list', 'watch']),
        rule(['coordination.k8s.io'], ['leases'], ['list', 'watch']),
        rule([''], ['nodes'], ['get']),
        rule([''], ['services'], ['get', 'list', 'watch']),
        rule(['networking.k8s.io'], ['ingresses'], ['get', 'list', 'watch']),
        rule([''], ['events'], ['create', 'patch']),
        rule(['networking.k8s.io'], ['ingresses/status'], ['update']),
        rule(['networking.k8s.io'], ['ingressclasses'], ['get', 'list', 'watch']),
        rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch', 'get']),
      ],
    },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta(sa, false), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: sa }, subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns }] },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(sa),
      rules: [
        rule([''], ['namespaces'], ['get']),
        rule([''], ['configmaps', 'pods', 'secrets', 'endpoints'], ['get', 'list', 'watch']),
        rule([''], ['services'], ['get', 'list', 'watch']),
        rule(['networking.k8s.io'], ['ingresses', 'ingressclasses'], ['get', 'list', 'watch']),
        rule(['networking.k8s.io'], ['ingresses/status'], ['update']),
        rule(['coordination.k8s.io'], ['leases'], ['get', 'create', 'update']),
        rule([''], ['events'], ['create', 'patch']),
        rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch', 'get']),
      ],
    },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(sa), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: sa }, subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns }] },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${ing.name}-controller`), data: {} },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(ing.name),
      spec: {
        replicas: ing.replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...labels, ...selector } },
          spec: {
            serviceAccountName: sa,
            ...(ing.hostNetwork ? { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' } : {}),
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            terminationGracePeriodSeconds: 300,
            containers: [
              {
                name: 'controller',
                image: INGRESS_NGINX_IMAGE,
                args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', `--ingress-class=${ing.className}`, `--configmap=$(POD_NAMESPACE)/${ing.name}-controller`, `--publish-service=$(POD_NAMESPACE)/${ing.name}-controller`],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                ],
                ports: [
                  { name: 'http', containerPort: 80, protocol: 'TCP' },
                  { name: 'https', containerPort: 443, protocol: 'TCP' },
                ],
                livenessProbe: { ...probe, failureThreshold: 5, successThreshold: 1 },
                readinessProbe: { ...probe, failureThreshold: 3, successThreshold: 1 },
                securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, runAsNonRoot: true, runAsUser: 101, runAsGroup: 82 },
              },
            ],
          },
        },
      },
    },
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: ing.className, labels }, spec: { controller: 'k8s.io/ingress-nginx' } },
  ];
  return objects;
}
