// model: Calico Profiles — the ones Kubernetes generates (kns.<ns> allow-all with pcns.* labels, ksa.<ns>.<sa>
// labels only; conversion.go) and user Profile manifests (projectcalico.org/v3).
import type { Labels } from '../../../scenario/types.js';
import { namespaceProfileLabels, serviceAccountProfileLabels } from '../../endpoints/calico-labels.js';
import { readCalicoRules } from '../convert/calico-rules.js';
import { finalizeRule } from '../convert/finalize-policy.js';
import { checkFields, errorCount, readObject, type ReadCtx } from '../fields/read-json.js';
import type { Profile, Rule } from '../types.js';

const ALLOW_ALL = (path: string): Rule => ({
  index: 0,
  action: 'Allow',
  source: { original: {} },
  destination: { original: {} },
  ipv4: true,
  origin: { path, src: { file: '<generated>', line: 0, col: 0 } },
});

/** `kns.<ns>`: allow all in, allow all out, namespace labels as pcns.*. */
export function namespaceProfile(ns: string, labels: Labels): Profile {
  return {
    name: `kns.${ns}`,
    ingress: [ALLOW_ALL(`kns.${ns}.spec.ingress[0]`)],
    egress: [ALLOW_ALL(`kns.${ns}.spec.egress[0]`)],
    labelsToApply: namespaceProfileLabels(ns, labels),
  };
}

/** `ksa.<ns>.<sa>`: no rules, service-account labels as pcsa.*. */
export function serviceAccountProfile(ns: string, sa: string, labels: Labels): Profile {
  return { name: `ksa.${ns}.${sa}`, ingress: [], egress: [], labelsToApply: serviceAccountProfileLabels(sa, labels) };
}

/** `projectcalico-default-allow` (used by automatic host endpoints): allow all both ways. */
export const DEFAULT_ALLOW_PROFILE: Profile = {
  name: 'projectcalico-default-allow',
  ingress: [ALLOW_ALL('projectcalico-default-allow.spec.ingress[0]')],
  egress: [ALLOW_ALL('projectcalico-default-allow.spec.egress[0]')],
  labelsToApply: {},
};

/** A Profile manifest (rules are global: no namespace scoping); undefined when invalid. */
export function convertProfile(ctx: ReadCtx): Profile | undefined {
  const m = ctx.manifest;
  const before = errorCount(ctx);
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, ['ingress', 'egress', 'labelsToApply'], 'spec');
  const ingress = readCalicoRules(ctx, spec['ingress'], 'spec.ingress', undefined);
  const egress = readCalicoRules(ctx, spec['egress'], 'spec.egress', undefined);
  const labelsObj = readObject(ctx, spec['labelsToApply'], 'spec.labelsToApply') ?? {};
  const labelsToApply: Record<string, string> = {};
  for (const [k, v] of Object.entries(labelsObj)) if (typeof v === 'string') labelsToApply[k] = v;
  if (errorCount(ctx) > before) return undefined;
  return {
    name: m.name,
    ingress: ingress.rules.map((r, i) => finalizeRule(r, i, undefined)),
    egress: egress.rules.map((r, i) => finalizeRule(r, i, undefined)),
    labelsToApply,
    src: m.src,
  };
}
