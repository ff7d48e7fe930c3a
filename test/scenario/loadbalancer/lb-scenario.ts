// Test helper: a scenario file with a two-host management cluster and the given `loadBalancers` entries (and
// timeline events), for the load-balancer validation tests.
import { scenarioFile } from '../helpers.js';

export const lbScenario = (lb: string, events = ''): string =>
  scenarioFile(`name: lb
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/24 } }
    nodes: [{ name: mgmt-1, ip: 10.0.0.11 }, { name: mgmt-2, ip: 10.0.0.12 }]
    calico: { ipPools: [{ name: pods, cidr: 10.200.0.0/16 }] }
  loadBalancers:
${lb}
${events}`);
