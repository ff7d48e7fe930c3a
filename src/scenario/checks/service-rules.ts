// scenario: the Service API server's cross-field rules (kube-apiserver pkg/apis/core/validation
// ValidateService), shared by the scenario form and v1 Service manifests: which fields each type allows.
import { errorAt, type Ctx } from '../provenance.js';
import type { At } from '../schema/schema.js';

/** The Service fields these rules read, as both forms hold them once read. */
export interface ServiceFields {
  readonly type: string;
  readonly clusterIP?: string;
  readonly externalTrafficPolicy?: string;
  readonly sessionAffinity?: string;
  readonly sessionAffinityTimeout?: number;
  readonly loadBalancerIP?: string;
  readonly healthCheckNodePort?: number;
  readonly externalName?: string;
  readonly ports: readonly { readonly nodePort?: unknown }[];
}

/**
 * Reports what the API server refuses: nodePort and externalTrafficPolicy Local only for NodePort and
 * LoadBalancer; clusterIP None only for ClusterIP; ExternalName needs `externalName` and no clusterIP;
 * healthCheckNodePort only for LoadBalancer with Local; loadBalancerIP only for LoadBalancer; a session
 * affinity timeout only with ClientIP. `field` maps a field name to where the form writes it.
 */
export function checkServiceRules(s: ServiceFields, at: At, ctx: Ctx, field: (name: string) => string = (n) => n): void {
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer';
  if (!external) {
    s.ports.forEach((p, i) => p.nodePort !== undefined && errorAt(ctx, at(field(`ports[${i}].nodePort`)), 'nodePort needs type NodePort or LoadBalancer'));
    if (s.externalTrafficPolicy === 'Local') errorAt(ctx, at(field('externalTrafficPolicy')), 'externalTrafficPolicy Local needs type NodePort or LoadBalancer');
  }
  if (s.clusterIP === 'None' && external) errorAt(ctx, at(field('clusterIP')), `may not be set to 'None' for ${s.type} services`);
  if (s.type === 'ExternalName') {
    if (s.externalName === undefined) errorAt(ctx, at(field('type')), 'type ExternalName needs externalName (the DNS name it aliases)');
    if (s.clusterIP !== undefined) errorAt(ctx, at(field('clusterIP')), 'must be empty for ExternalName services');
  } else if (s.externalName !== undefined) {
    errorAt(ctx, at(field('externalName')), 'externalName needs type ExternalName');
  }
  if (s.healthCheckNodePort !== undefined && !(s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local')) {
    errorAt(ctx, at(field('healthCheckNodePort')), "may only be set when type is 'LoadBalancer' and externalTrafficPolicy is 'Local'");
  }
  if (s.loadBalancerIP !== undefined && s.type !== 'LoadBalancer') errorAt(ctx, at(field('loadBalancerIP')), "may only be used when type is 'LoadBalancer'");
  if (s.sessionAffinityTimeout !== undefined && s.sessionAffinity !== 'ClientIP') errorAt(ctx, at(field('sessionAffinityTimeout')), 'a session affinity timeout needs sessionAffinity ClientIP');
}
