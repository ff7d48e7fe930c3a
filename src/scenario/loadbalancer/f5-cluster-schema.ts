// scenario: an F5 balancer's member mode — `nodeport` (members are management hosts' NodePorts, as written) or
// `cluster` (F5's controller CIS with --pool-member-type=cluster: the BIG-IP joins the pod network and CIS
// writes the ingress Service's ready endpoints, pod IP and target port, as the members) — and CIS's timing.
import { errorAt, type Ctx } from '../provenance.js';
import { def, duration, obj, type At, type Rec } from '../schema/schema.js';

/** An F5 balancer's modes (CIS `--pool-member-type`; `nodeport` is its default). */
export const F5_MODES = ['nodeport', 'cluster'] as const;
const METALLB_MODES = ['l2', 'bgp'];

/** The ingress-nginx controller Service's ports (http 80, https 443): a cluster-mode pool follows one. */
export const INGRESS_SERVICE_PORTS = [80, 443] as const;

/** The fields a cluster-mode balancer has beyond NodePort mode's. */
export const CLUSTER_FIELDS = ['servicePort', 'cis'] as const;

/**
 * CIS's timing (k8s-bigip-ctlr cmd/k8s-bigip-ctlr/main.go flags): `--as3-post-delay` (default 0 s), the wait
 * before CIS posts a changed declaration, and `--node-poll-interval` (default 30 s), how often it lists the
 * nodes whose pods it may make members.
 */
export const cisSchema = obj(
  { as3PostDelay: def(duration, 0), nodePollInterval: def(duration, 30_000) },
  {
    noSrc: true,
    check: (o, at, ctx) => {
      if (typeof o.nodePollInterval === 'number' && o.nodePollInterval < 1000) errorAt(ctx, at('nodePollInterval'), 'nodePollInterval must be at least 1s (CIS counts whole seconds)');
    },
  },
);

/** The mode's value must be the balancer kind's own, and the cluster-mode fields only come with `mode: cluster`. */
export function checkMode(o: Rec, at: At, ctx: Ctx): void {
  const metallb = o.kind === 'metallb';
  if (metallb && (F5_MODES as readonly unknown[]).includes(o.mode)) errorAt(ctx, at('mode'), `\`mode: ${String(o.mode)}\` is an F5 mode (CIS --pool-member-type): a MetalLB balancer takes l2 or bgp`);
  if (!metallb && METALLB_MODES.includes(String(o.mode))) errorAt(ctx, at('mode'), `\`mode: ${String(o.mode)}\` is a MetalLB mode: an F5 balancer takes nodeport or cluster (set \`kind: metallb\` for MetalLB)`);
  const cluster = !metallb && o.mode === 'cluster';
  for (const f of CLUSTER_FIELDS) {
    if (!cluster && o[f] !== undefined) errorAt(ctx, at(f), `\`${f}\` is a field of an F5 balancer in cluster mode: set \`mode: cluster\``);
  }
  if (!cluster) return;
  if (Array.isArray(o.members) && o.members.length > 0) errorAt(ctx, at('members'), "in cluster mode CIS makes the ingress controller's ready pods the members (pod IP and target port): leave `members` out");
  if (typeof o.servicePort === 'number' && !(INGRESS_SERVICE_PORTS as readonly number[]).includes(o.servicePort)) {
    errorAt(ctx, at('servicePort'), `${o.servicePort} is not a port of the ingress controller's Service (${INGRESS_SERVICE_PORTS.join(' or ')})`);
  }
}

/** An F5 record: `mode` becomes `cluster: { servicePort, as3PostDelay, nodePollInterval }` in cluster mode, nothing in NodePort mode. */
export function clusterRecord(o: Rec): Rec {
  const { mode, servicePort, cis, ...rest } = o;
  if (mode !== 'cluster') return rest;
  const c = cis as Rec;
  return { ...rest, cluster: { servicePort, as3PostDelay: c.as3PostDelay, nodePollInterval: c.nodePollInterval } };
}
