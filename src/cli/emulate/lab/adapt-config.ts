// cli/emulate: the adaptations `calisim emulate` makes to a node's emitted bird.cfg to run it outside a
// real node (listed in the README). The BGP protocols, their filters and timers are left as emitted;
// only the kernel-programming filter changes, because no Felix and no tunl0 run in the namespace:
//  - routes Felix would program ("Cluster routes are handled by Felix", VXLAN pools) are accepted, so
//    the kernel table holds every pool route and carries the dataplane check;
//  - `krt_tunnel` (an attribute of Calico's BIRD fork, not of Debian's BIRD 1.6) is dropped: the route
//    goes through the underlay next hop instead of the IPIP device.

/** The emitted configuration with the adaptations applied. */
export function adaptForEmulation(cfg: string): string {
  return cfg
    .replace(/\{ reject; \} # (Cluster|VXLAN) routes are handled by Felix\./g, '{ accept; } # calisim emulate: Felix does not run here, BIRD programs it.')
    .replace(/if \(defined\(bgp_next_hop\)&&\(bgp_next_hop ~ [0-9./]+\)\) then krt_tunnel=""; else krt_tunnel="tunl0"; /g, '')
    .replace(/krt_tunnel="tunl0"; /g, '');
}
