// model: what the management cluster runs besides what the user listed — each on-premises tenant's
// VMs as endpoints of its management namespace (so the management cluster's policies are the outer
// wall between tenants), and the ingress-nginx controller Deployment and its NodePort Service.
import type { NamespaceSpec, PlatformSpec, ServiceSpec, StaticPodSpec, TenantSpec, WorkloadSpec } from '../scenario/types.js';
import type { ModelNode } from './types.js';
import { launcherLabels, TENANT_LABEL } from '../scenario/manifests/vm-manifests.js';

/** Label carried by a tenant's management namespace and by its VM endpoints (defined where VMs are read). */
export { TENANT_LABEL };

/** Extra objects of the management cluster. */
export interface ManagementAdditions {
  readonly namespaces: readonly NamespaceSpec[];
  readonly workloads: readonly WorkloadSpec[];
  readonly pods: readonly StaticPodSpec[];
  readonly services: readonly ServiceSpec[];
  /** Tenant name → its management namespace. */
  readonly namespaceOf: ReadonlyMap<string, string>;
}

/**
 * On-premises tenant `t` lives in the management namespace labelled `calisim.io/tenant: t` (default name
 * `tenant-<t>`). Its VMs become endpoints named after the VM, on the host that runs them, with the VM's
 * underlay address, so policies of the management cluster select them like any pod (KubeVirt-style).
 */
export function managementAdditions(
  platform: PlatformSpec,
  tenants: readonly TenantSpec[],
  vmsOf: (tenant: string) => readonly ModelNode[],
  hostName: (id: number) => string,
): ManagementAdditions {
  const mgmt = platform.management;
  // A namespace the user only referenced (from a policy, say) is a placeholder with unknown labels: the
  // platform creates these namespaces, so their labels are known and replace the placeholder.
  const declared = new Map(mgmt.namespaces.filter((n) => n.declared).map((n) => [n.name, n]));
  const namespaces: NamespaceSpec[] = [];
  const pods: StaticPodSpec[] = [];
  const namespaceOf = new Map<string, string>();
  for (const t of tenants) {
    if (t.placement !== 'onprem') continue;
    const labelled = mgmt.namespaces.find((n) => n.labels[TENANT_LABEL] === t.name);
    const ns = labelled?.name ?? `tenant-${t.name}`;
    namespaceOf.set(t.name, ns);
    if (!declared.has(ns)) {
      namespaces.push({ name: ns, labels: { [TENANT_LABEL]: t.name, 'kubernetes.io/metadata.name': ns }, declared: true, src: t.src });
      declared.set(ns, namespaces[namespaces.length - 1]!);
    }
    for (const vm of vmsOf(t.name)) {
      pods.push({
        name: vm.shortName,
        namespace: ns,
        labels: { [TENANT_LABEL]: t.name, 'calisim.io/vm': vm.shortName, ...launcherLabels(vm.shortName) },
        serviceAccount: 'default',
        ports: [],
        ...(vm.host >= 0 ? { nodeName: hostName(vm.host) } : {}),
        podIP: vm.ipText,
        hostNetwork: false,
        owner: { kind: 'Pod', name: vm.shortName },
        src: vm.src,
      });
    }
  }
  const ing = platform.ingress;
  const workloads: WorkloadSpec[] = [];
  const services: ServiceSpec[] = [];
  const ingressLabels = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  if (!mgmt.workloads.some((w) => w.namespace === ing.namespace && w.name === ing.name)) {
    if (!declared.has(ing.namespace))
      namespaces.push({ name: ing.namespace, labels: { 'kubernetes.io/metadata.name': ing.namespace }, declared: true, src: ing.src });
    // Ports as in ingress-nginx's deploy manifests; the health endpoint :10254/healthz is not a named port.
    workloads.push({
      name: ing.name,
      namespace: ing.namespace,
      kind: 'Deployment',
      replicas: ing.replicas,
      labels: ingressLabels,
      serviceAccount: 'ingress-nginx',
      ports: [
        { name: 'http', containerPort: 80, protocol: 'TCP' },
        { name: 'https', containerPort: 443, protocol: 'TCP' },
      ],
      nodeSelector: {},
      hostNetwork: ing.hostNetwork,
      src: ing.src,
    });
    services.push({
      name: `${ing.name}-controller`,
      namespace: ing.namespace,
      type: ing.serviceType,
      selector: ingressLabels,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: ing.httpNodePort },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP', nodePort: ing.httpsNodePort },
      ],
      externalTrafficPolicy: ing.externalTrafficPolicy,
      src: ing.src,
    });
  }
  return { namespaces, workloads, pods, services, namespaceOf };
}
