// emit: every assertion kind with a short and a full description — the SARIF rules of a check run and
// the enumeration in its JSON schema. `Record<AssertionKind, …>` keeps the list complete.
import type { AssertionKind } from '../../verdict/check/types.js';

export interface KindDescription {
  readonly short: string;
  readonly full: string;
}

/** Descriptions in the order types.ts declares the kinds. */
export const ASSERTION_KINDS: Readonly<Record<AssertionKind, KindDescription>> = {
  isolation: {
    short: 'Tenant isolation',
    full: 'No workload of one tenant reaches a workload of another: every cross-tenant flow is stopped by the underlay, the outer wall, routing or the inner wall (policies).',
  },
  'route-leak': {
    short: 'No route leak',
    full: "No cluster learns or advertises routes to another tenant's networks.",
  },
  'overlapping-cidrs': {
    short: 'No overlapping CIDRs',
    full: 'Address ranges that must stay apart (pod pools, service ranges, node and underlay networks) do not overlap.',
  },
  reach: {
    short: 'Expected reachability',
    full: 'A connection the scenario expects to be allowed (or denied) is, at every evaluated point of the timeline.',
  },
  exposure: {
    short: 'Exposure',
    full: 'A workload is reachable only from the sources the scenario allows.',
  },
  'ingress-route': {
    short: 'Ingress route reachable',
    full: "Every route the platform's ingress controller serves reaches a ready backend pod from every controller pod, through the outer wall (management policies at the tenant VMs) and the inner wall (the tenant's policies).",
  },
  'ingress-conflict': {
    short: 'Ingress routes of tenants apart',
    full: "In the shared controller no tenant's Ingress claims another tenant's host and path, covers its hosts with a wildcard, or configures the controller through snippet annotations.",
  },
  'bgp-sessions': {
    short: 'BGP sessions established',
    full: 'Every BGP session the configuration calls for is established.',
  },
  'bgp-convergence': {
    short: 'BGP convergence',
    full: 'After each change, routes converge within the allowed window.',
  },
  'ipam-headroom': {
    short: 'IPAM headroom',
    full: 'IP pools keep the required free addresses and every pod gets an address.',
  },
  mtu: {
    short: 'MTU fits the encapsulation',
    full: 'Interface MTUs leave room for every encapsulation on the path, so packets are neither dropped nor fragmented.',
  },
  certificates: {
    short: 'Certificates valid',
    full: 'No certificate in use is expired or expires within the timeline.',
  },
  'load-balancers': {
    short: 'Load balancers healthy',
    full: 'Every load balancer keeps healthy backends for its listeners.',
  },
};

/** The kinds in declaration order. */
export const ASSERTION_KIND_IDS = Object.keys(ASSERTION_KINDS) as AssertionKind[];
