// model: the rules a Calico resource's value must pass before it may be written into a BIRD configuration —
// Calico's own validator rules (libcalico-go lib/validator/v3/validator.go), so no crafted string can add
// statements to a node's bird.cfg.
import { parseCidr } from '../../lib/ipv4.js';

/** validator.go `ignoredInterfaceRegex` (BGPConfiguration spec.ignoredInterfaces). */
const IGNORED_INTERFACE = /^[a-zA-Z0-9_.*-]{1,15}$/;

/** Why an ignoredInterfaces entry is refused; undefined when Calico accepts it. */
export function ignoredInterfaceProblem(name: string): string | undefined {
  return IGNORED_INTERFACE.test(name) ? undefined : 'is not an interface name (1-15 of a-z A-Z 0-9 _ . * -, as Calico validates it)';
}

/** Why an IPv4 CIDR field (`net` in validator.go: serviceClusterIPs, prefixAdvertisements) is refused. */
export function cidrProblem(text: string): string | undefined {
  return /^[0-9./]+$/.test(text) && parseCidr(text) !== undefined ? undefined : 'is not an IPv4 CIDR';
}

