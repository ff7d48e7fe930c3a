// emit: the ServiceAccounts, ClusterRoles and ClusterRoleBindings of a Calico manifest install (calico-node,
// calico-cni-plugin, calico-kube-controllers, calico-typha), with the rules of Calico's
// calico-node-rbac.yaml, calico-kube-controllers-rbac.yaml and calico-typha-rbac.yaml templates.
import { clusterRoleFor, rule, serviceAccount, type K8sObject } from './k8s.js';

const CALICO = ['projectcalico.org', 'crd.projectcalico.org'];
const READ = ['get', 'list', 'watch'];
const NS = 'kube-system';

/** Every RBAC object of the manifest install, ServiceAccounts first. */
export function calicoRbac(typha: boolean): K8sObject[] {
  const accounts = ['calico-node', 'calico-cni-plugin', 'calico-kube-controllers', ...(typha ? ['calico-typha'] : [])];
  return [
    ...accounts.map((a) => serviceAccount(a, NS)),
    ...clusterRoleFor('calico-node', { name: 'calico-node', namespace: NS }, [
      rule([''], ['serviceaccounts/token'], ['create'], ['calico-cni-plugin']),
      rule([''], ['pods', 'nodes', 'namespaces'], ['get']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['watch', 'list']),
      rule([''], ['endpoints', 'services'], READ),
      rule([''], ['configmaps'], ['get']),
      rule([''], ['nodes/status'], ['patch', 'update']),
      rule(['networking.k8s.io'], ['networkpolicies'], ['watch', 'list']),
      rule(['policy.networking.k8s.io'], ['clusternetworkpolicies'], ['watch', 'list']),
      rule([''], ['pods', 'namespaces', 'serviceaccounts'], ['list', 'watch']),
      rule([''], ['pods/status'], ['patch']),
      rule(CALICO, ['felixconfigurations', 'bgppeers', 'bgpfilters', 'bgpconfigurations', 'ippools', 'ipreservations', 'ipamblocks', 'globalnetworkpolicies', 'stagedglobalnetworkpolicies', 'networkpolicies', 'stagednetworkpolicies', 'stagedkubernetesnetworkpolicies', 'globalnetworksets', 'networksets', 'clusterinformations', 'hostendpoints', 'blockaffinities', 'caliconodestatuses', 'tiers'], READ),
      rule(CALICO, ['ippools', 'felixconfigurations', 'bgpconfigurations', 'clusterinformations'], ['create', 'update']),
      rule(CALICO, ['caliconodestatuses'], ['update']),
      rule([''], ['nodes'], READ),
      rule(CALICO, ['blockaffinities', 'ipamblocks', 'ipamhandles'], ['get', 'list', 'create', 'update', 'delete']),
      rule(CALICO, ['ipamconfigs'], ['get', 'create']),
      rule(['apps'], ['daemonsets'], ['get']),
    ]),
    ...clusterRoleFor('calico-cni-plugin', { name: 'calico-cni-plugin', namespace: NS }, [
      rule([''], ['pods', 'nodes', 'namespaces'], ['get']),
      rule([''], ['pods/status'], ['patch']),
      rule(CALICO, ['blockaffinities', 'ipamblocks', 'ipamhandles', 'clusterinformations', 'ippools', 'ipreservations', 'ipamconfigs'], ['get', 'list', 'create', 'update', 'delete']),
    ]),
    ...clusterRoleFor('calico-kube-controllers', { name: 'calico-kube-controllers', namespace: NS }, [
      rule([''], ['nodes', 'pods', 'namespaces'], READ),
      rule([''], ['services', 'services/status'], ['get', 'list', 'update', 'watch']),
      rule(CALICO, ['ipreservations', 'ippools'], ['list', 'watch']),
      rule(CALICO, ['blockaffinities', 'ipamblocks', 'ipamhandles', 'ipamconfigs', 'tiers'], ['get', 'list', 'create', 'update', 'delete', 'watch']),
      rule(CALICO, ['hostendpoints'], ['get', 'list', 'create', 'update', 'delete', 'watch']),
      rule(CALICO, ['clusterinformations', 'kubecontrollersconfigurations'], ['get', 'list', 'create', 'update', 'watch']),
      rule(CALICO, ['networkpolicies', 'stagednetworkpolicies', 'globalnetworkpolicies', 'stagedglobalnetworkpolicies'], ['watch', 'list', 'get', 'create', 'update', 'delete']),
      rule(['kubevirt.io'], ['virtualmachines', 'virtualmachineinstances'], READ),
    ]),
    ...(typha
      ? clusterRoleFor('calico-typha', { name: 'calico-typha', namespace: NS }, [
          rule([''], ['pods', 'namespaces', 'serviceaccounts', 'endpoints', 'services', 'nodes'], ['list', 'watch']),
          rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
          rule(['networking.k8s.io'], ['networkpolicies'], ['list', 'watch']),
          rule(CALICO, ['globalfelixconfigs', 'felixconfigurations', 'bgppeers', 'bgpfilters', 'bgpconfigurations', 'ippools', 'ipreservations', 'ipamblocks', 'globalnetworkpolicies', 'stagedglobalnetworkpolicies', 'networkpolicies', 'stagednetworkpolicies', 'stagedkubernetesnetworkpolicies', 'globalnetworksets', 'networksets', 'clusterinformations', 'hostendpoints', 'blockaffinities', 'caliconodestatuses', 'tiers'], ['get', 'list', 'watch']),
          rule(CALICO, ['clusterinformations'], ['create', 'update']),
        ])
      : []),
  ];
}
