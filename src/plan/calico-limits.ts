// plan: the Calico limits — the full mesh's sessions against the documented ~100 nodes (or route reflector
// clients against the 5,000 nodes Calico is tested to), Typha replicas against the documented cap, IPAM
// blocks, addresses and maxBlocksPerHost, and the measured sessions, routes and Felix rules per node.
import { blockAddresses, blocksPerNode, meshSessions, nodesBeforeBorrowing, typhaNodesWithin, typhaReplicas } from './formulas.js';
import { grow, type LimitContext, type LimitDef } from './limit-def.js';
import { SOURCES } from './sources.js';

const TYPHA_CAP = 20;
const MESH_NODES = 100;

/** Calico's limits for the representative tenant. */
export function calicoLimits(ctx: LimitContext): LimitDef[] {
  const t = ctx.tenant;
  const nodes = (g: { nodesPerTenant: number }): number => grow(t.nodes, g.nodesPerTenant);
  const limits: LimitDef[] = [];
  if (t.bgp.mode === 'mesh') {
    limits.push({
      id: 'calico-mesh-sessions',
      group: 'calico',
      name: `full-mesh BGP sessions n(n−1)/2 (documented fine to ~${MESH_NODES} nodes = ${meshSessions(MESH_NODES).toLocaleString('en-US')} sessions)`,
      unit: 'sessions',
      value: meshSessions(MESH_NODES),
      at: t.name,
      measured: false,
      source: SOURCES.calicoBgp,
      use: (g) => meshSessions(nodes(g)),
      note: `failures reported near 700-800 nodes (${meshSessions(750).toLocaleString('en-US')} sessions at 750; ${SOURCES.calicoMeshAt800.url}); route reflectors need r(r−1)/2 + c·r`,
    });
  } else if (t.bgp.mode === 'reflectors') {
    limits.push({
      id: 'calico-reflector-clients',
      group: 'calico',
      name: `route reflector clients (${t.bgp.reflectors} reflectors; Calico is tested to 5,000 nodes)`,
      unit: 'nodes',
      value: 5000,
      at: t.name,
      measured: false,
      source: SOURCES.calicoTested5k,
      use: (g) => nodes(g),
    });
  }
  limits.push({
    id: 'calico-typha-replicas',
    group: 'calico',
    name: `Typha replicas by the operator's formula (documented cap ${TYPHA_CAP})`,
    unit: 'replicas',
    value: TYPHA_CAP,
    at: t.name,
    measured: false,
    source: SOURCES.typhaDocs,
    use: (g) => typhaReplicas(nodes(g)),
    note: `operator: floor(n/200)+2 (${SOURCES.typhaOperator.url}); it reaches the cap at 3,600 nodes and passes it from ${(typhaNodesWithin(TYPHA_CAP) + 1).toLocaleString('en-US')} nodes (21 replicas): above 3,600 nodes the formula and the documented cap disagree`,
  });
  limits.push(...ipamLimits(ctx), ...measuredLimits(ctx));
  return limits;
}

/** Pool blocks (borrowing starts past them), pool addresses, and maxBlocksPerHost. */
function ipamLimits(ctx: LimitContext): LimitDef[] {
  const t = ctx.tenant;
  const pool = [...t.pools].sort((a, b) => b.capacity - a.capacity)[0];
  if (pool === undefined) return [];
  const perNode = (g: { podsPerNode: number }): number => blocksPerNode(grow(t.maxPodsOnNode, g.podsPerNode) + 1, pool.blockSize);
  const starts = nodesBeforeBorrowing(pool.prefixLen, pool.blockSize, t.maxPodsOnNode + 1);
  return [
    {
      id: 'calico-ipam-blocks',
      group: 'calico',
      name: `IPAM blocks of pool ${pool.name} (/${pool.prefixLen} in /${pool.blockSize} blocks of ${blockAddresses(pool.blockSize)})`,
      unit: 'blocks',
      value: pool.capacityBlocks,
      at: t.name,
      measured: true,
      source: SOURCES.calicoIpam,
      use: (g) => Math.max(pool.blocks, grow(t.nodes, g.nodesPerTenant) * perNode(g)),
      note: `borrowing starts past ${starts.toLocaleString('en-US')} nodes at ${t.maxPodsOnNode} pods per node: each borrowed address is then a /32 route in every node's RIB`,
    },
    {
      id: 'calico-ipam-addresses',
      group: 'calico',
      name: `addresses of pool ${pool.name}`,
      unit: 'addresses',
      value: pool.capacity,
      at: t.name,
      measured: true,
      source: SOURCES.calicoIpam,
      use: (g) => grow(pool.used, g.nodesPerTenant * g.podsPerNode),
    },
    {
      id: 'calico-max-blocks-per-host',
      group: 'calico',
      name: `affine blocks per node (maxBlocksPerHost ${t.blockLimit})`,
      unit: 'blocks',
      value: t.blockLimit,
      at: t.name,
      measured: true,
      source: SOURCES.calicoMaxBlocks,
      use: (g) => Math.max(t.maxBlocksOnNode, perNode(g)),
    },
  ];
}

/** Figures read from the run with no documented cap: sessions, routes and Felix rules per node. */
function measuredLimits(ctx: LimitContext): LimitDef[] {
  const t = ctx.tenant;
  const mesh = t.bgp.mode === 'mesh';
  return [
    {
      id: 'calico-sessions-per-node',
      group: 'calico',
      name: 'BGP sessions per node (busiest node)',
      unit: 'sessions',
      value: null,
      at: t.name,
      measured: true,
      source: SOURCES.engine,
      use: (g) => (mesh ? grow(t.bgp.maxSessionsPerNode + 1, g.nodesPerTenant) - 1 : t.bgp.maxSessionsPerNode),
    },
    {
      id: 'calico-routes-per-node',
      group: 'calico',
      name: 'routes per node (busiest RIB)',
      unit: 'routes',
      value: null,
      at: t.name,
      measured: true,
      source: SOURCES.engine,
      use: (g) => grow(t.bgp.maxRoutesPerNode, g.nodesPerTenant * g.podsPerNode),
      ...(t.borrowed > 0 ? { note: `${t.borrowed} borrowed address(es): /32 routes` } : {}),
    },
    {
      id: 'calico-felix-rules',
      group: 'calico',
      name: `Felix policy rules (${t.policies} policies, matrix of ${t.matrixClasses} identity classes)`,
      unit: 'rules',
      value: null,
      at: t.name,
      measured: true,
      source: SOURCES.felixRules,
      use: (g) => grow(t.felixRules, g.policiesPerNamespace),
    },
  ];
}
