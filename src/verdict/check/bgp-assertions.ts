// verdict: the routing assertions of `calisim check` — no tenant's routes leak into another tenant's
// routing domain (a route in tenant A for a prefix inside B's pools that is not A's own), overlapping
// pool CIDRs only between tenants whose routing domains are apart, BGP sessions between running nodes
// established once the convergence window has passed, and every change converged within that window.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { sessionStates, type SessionState } from '../../engine/bgp/reports/session-states.js';
import { somePrefix } from '../../engine/bgp/reports/node-prefixes.js';
import { cidrsOverlap, parseCidr, type Cidr } from '../../lib/ipv4.js';
import type { AssertionResult } from './types.js';

/** Route leaks and CIDR overlaps between tenants, in the run's current state. */
export function routeLeakAssertions(run: PlatformRun): AssertionResult[] {
  const { model } = run;
  const tenants = model.clusters.filter((c) => c.kind === 'tenant');
  const pools = new Map(tenants.map((c) => [c.id, c.spec.calico.ipPools.map((p) => parseCidr(p.cidr)).filter((x): x is Cidr => x !== undefined)]));
  const out: AssertionResult[] = [];
  const leaks = new Map<string, AssertionResult>();
  for (const a of tenants) {
    const own = pools.get(a.id)!;
    for (const id of a.nodes) {
      if (run.nodeUp[id] !== 1) continue;
      const speaker = run.bgp.speakerOf(id);
      // The node's routes are built only when one of its prefixes lies in another tenant's pools.
      const foreign = (base: number, len: number): boolean => {
        const c = { base, len };
        return !own.some((p) => cidrsOverlap(p, c) && p.len <= c.len) && tenants.some((b) => b.id !== a.id && pools.get(b.id)!.some((p) => cidrsOverlap(p, c) && c.len >= p.len));
      };
      if (!somePrefix(run.bgp.net, speaker, foreign)) continue;
      for (const r of run.bgp.net.routes(speaker)) {
        const c = parseCidr(r.prefix);
        if (!c || own.some((p) => cidrsOverlap(p, c) && p.len <= c.len)) continue;
        for (const b of tenants) {
          if (b.id === a.id || leaks.has(`${a.name}->${b.name}`)) continue;
          // A leak is a route inside B's pools (B's blocks or an aggregate of them). A route that merely covers
          // them — a top-of-rack default route, a supernet — is not: it carries no route of B's.
          if (!pools.get(b.id)!.some((p) => cidrsOverlap(p, c) && c.len >= p.len)) continue;
          const best = r.paths.find((p) => p.best) ?? r.paths[0]!;
          const peer = a.spec.calico.peers.find((p) => best.peer.endsWith(`/${p.name}`) || best.peer === p.name);
          leaks.set(`${a.name}->${b.name}`, {
            id: `route-leak/${b.name}->${a.name}`,
            kind: 'route-leak',
            title: `no route of ${b.name}'s pools appears in ${a.name}`,
            status: 'fail',
            detail: `${speaker} holds ${r.prefix} (inside ${b.name}'s pools) from ${best.peer}`,
            counterexample: {
              at: run.sim.now,
              flow: { from: speaker, to: r.prefix, protocol: 'BGP' },
              trace: [`${best.peer} announces ${r.prefix} (as-path [${best.asPath.join(' ')}])`, `${speaker} installs it: traffic of ${a.name} to ${b.name}'s addresses follows it`],
              rules: [],
              ...(peer ? { responsible: { ...peer.src, what: `external BGP peer ${peer.name} of ${a.name}` } } : {}),
            },
          });
        }
      }
    }
  }
  for (const a of tenants) {
    for (const b of tenants) {
      if (a.id >= b.id) continue;
      const overlap = pools.get(a.id)!.some((p) => pools.get(b.id)!.some((q) => cidrsOverlap(p, q)));
      if (!overlap) continue;
      const joined = leaks.has(`${a.name}->${b.name}`) || leaks.has(`${b.name}->${a.name}`);
      out.push({
        id: `overlapping-cidrs/${a.name}+${b.name}`,
        kind: 'overlapping-cidrs',
        title: `${a.name} and ${b.name} overlap in pool CIDRs only while their routing domains are apart`,
        status: joined ? 'fail' : 'pass',
        detail: joined ? 'a route leak joins their routing domains' : 'separate routing domains (no route crosses)',
      });
    }
  }
  for (const a of tenants) {
    for (const b of tenants) {
      if (a.id === b.id) continue;
      const leak = leaks.get(`${a.name}->${b.name}`);
      out.push(leak ?? { id: `route-leak/${b.name}->${a.name}`, kind: 'route-leak', title: `no route of ${b.name}'s pools appears in ${a.name}`, status: 'pass', detail: 'none' });
    }
  }
  return out;
}

/** Sessions between running nodes of each cluster are Established (checked once a convergence window has passed). */
export function sessionAssertions(run: PlatformRun): AssertionResult[] {
  const { model } = run;
  // Speaker names carry their cluster (bgp-runtime.ts speakerOf): each session end belongs to one cluster.
  const clusterOf = new Map<string, number>();
  const up = new Set<string>();
  for (const c of model.clusters) {
    for (const id of c.nodes) {
      const speaker = run.bgp.speakerOf(id);
      clusterOf.set(speaker, c.id);
      if (run.nodeUp[id] === 1) up.add(speaker);
    }
  }
  // States alone: the route counters of sessions() cost a RIB pass per session.
  const down = model.clusters.map((): SessionState[] => []);
  for (const s of sessionStates(run.bgp.net)) {
    const c = clusterOf.get(s.node);
    if (c === undefined || !up.has(s.node) || s.state === 'Established') continue;
    if (clusterOf.get(s.peer) !== c || up.has(s.peer)) down[c]!.push(s);
  }
  return model.clusters.map((c) => {
    const d = down[c.id]!;
    return {
      id: `bgp-sessions/${c.name}`,
      kind: 'bgp-sessions' as const,
      title: `BGP sessions of ${c.name}'s running nodes are established`,
      status: d.length ? ('fail' as const) : ('pass' as const),
      detail: d.length ? `${d.length} not established, e.g. ${d[0]!.node} → ${d[0]!.peer}: ${d[0]!.state}${d[0]!.lastError ? ` (${d[0]!.lastError})` : ''}` : 'all established',
    };
  });
}

/** Every change settled within `within` ms. */
export function convergenceAssertion(run: PlatformRun, within: number): AssertionResult {
  const slow = run.bgp.net.convergence().filter((c) => c.at <= run.sim.now && c.convergenceMs !== null && c.convergenceMs > within);
  return {
    id: 'bgp-convergence',
    kind: 'bgp-convergence',
    title: `BGP converges within ${within / 1000}s of every change`,
    status: slow.length ? 'fail' : 'pass',
    detail: slow.length ? slow.map((c) => `${c.label} at t=${c.at / 1000}s took ${(c.convergenceMs! / 1000).toFixed(1)}s`).join('; ') : 'every change settled in time',
  };
}
