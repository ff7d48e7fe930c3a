// scenario: each on-premises tenant's flannel network read back from the management cluster's manifests —
// the net-conf.json of its kube-flannel ConfigMap (Network, SubnetLen, Backend VNI and Port), `--ip-masq` on its
// flanneld DaemonSet, and the MTU its VMs' NetworkAttachmentDefinition gives them — into a FlannelSpec.
import { flannelSchema } from '../schema/cluster-schema.js';
import { fieldSchema, readBackJsonValue } from './read-back-field.js';
import { TENANT_LABEL } from '../manifests/vm-manifests.js';
import { joinPath } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import { jsonAt, listAt } from './read-back-objects.js';
import type { FlannelSpec, JsonValue, Manifest } from '../types.js';

/** A JSON value parsed from a string field, or undefined (reported as a warning at the field). */
function parseJsonField(m: Manifest, keys: readonly string[], ctx: Ctx): JsonValue | undefined {
  const field = keys.reduce<string>((p, k) => joinPath(p, k), '');
  const text = jsonAt(m.body, keys);
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    ctx.sink.warn(m.locate(field), field, `${m.kind} ${m.name}: ${field} is not JSON (${(e as Error).message}); the tenant's flannel network is not read back`);
    return undefined;
  }
}

/** The ConfigMap field holding flannel's network configuration (kube-flannel.yml's `net-conf.json`). */
const NET_CONF = ['data', 'net-conf.json'] as const;

/** The scenario's rule for a VNI (VXLAN's 24 bits, RFC 7348), applied to the one read back. */
const VNI = fieldSchema(flannelSchema, 'vni');

const num = (v: JsonValue | undefined, fallback: number): number => (typeof v === 'number' ? v : fallback);

/**
 * The flannel network of every tenant named by a ConfigMap labelled `calisim.io/tenant` that holds a
 * `net-conf.json`. flannel's own defaults fill what the file leaves out (SubnetLen 0 and Port 0 are its
 * "derive it" values, pkg/subnet/config.go and pkg/backend/vxlan); a backend other than vxlan is reported,
 * since the model runs flannel's VXLAN backend only. ipMasq is flanneld's `--ip-masq` flag (default off);
 * the MTU is the one the tenant's NetworkAttachmentDefinition gives its VMs (0, flannel's own derivation, when absent).
 * `read` is told of each NetworkAttachmentDefinition used (a kind the cluster reader itself ignores).
 */
export function readFlannelNetworks(objects: readonly Manifest[], ctx: Ctx, read: (m: Manifest) => void): Map<string, FlannelSpec> {
  const out = new Map<string, FlannelSpec>();
  for (const m of objects) {
    const tenant = m.labels[TENANT_LABEL];
    if (m.kind !== 'ConfigMap' || tenant === undefined || typeof jsonAt(m.body, NET_CONF) !== 'string') continue;
    const conf = parseJsonField(m, NET_CONF, ctx);
    const network = jsonAt(conf, 'Network');
    if (typeof network !== 'string') {
      ctx.sink.warn(m.locate('data'), 'data.net-conf.json', `${m.name}: net-conf.json has no Network; tenant ${tenant}'s flannel network is not read back`);
      continue;
    }
    const type = jsonAt(conf, 'Backend.Type');
    if (type !== 'vxlan') ctx.sink.warn(m.locate('data'), 'data.net-conf.json', `${m.name}: flannel backend ${String(type)} is read as vxlan (the backend the model runs)`);
    // A value the scenario would refuse is an error at its field, and the network is not read back.
    const vni = readBackJsonValue(VNI, conf, 'Backend.VNI', m, NET_CONF, 1, ctx);
    if (vni === undefined) continue;
    const daemon = objects.find((d) => d.kind === 'DaemonSet' && d.labels[TENANT_LABEL] === tenant);
    const args = listAt(jsonAt(daemon?.body, 'spec.template.spec'), 'containers').flatMap((c) => listAt(c, 'args'));
    const nad = objects.find((d) => d.kind === 'NetworkAttachmentDefinition' && d.labels[TENANT_LABEL] === tenant);
    if (nad !== undefined) read(nad);
    const cni = nad === undefined ? undefined : parseJsonField(nad, ['spec', 'config'], ctx);
    out.set(tenant, {
      vni,
      network,
      subnetLen: num(jsonAt(conf, 'SubnetLen'), 0),
      port: num(jsonAt(conf, 'Backend.Port'), 0),
      mtu: num(jsonAt(cni, 'delegate.mtu'), 0),
      ipMasq: args.includes('--ip-masq'),
      src: m.src,
    });
  }
  return out;
}
