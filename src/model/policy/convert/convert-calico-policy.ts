// model: Calico NetworkPolicy / GlobalNetworkPolicy and their Staged variants (projectcalico.org/v3) into the
// draft form, with api/pkg/defaults (types) and the CEL/validator checks of the spec.
import type { JsonObject } from '../../../scenario/types.js';
import { readCalicoRules } from './calico-rules.js';
import type { DraftPolicy } from './draft.js';
import { checkFields, errorCount, fail, readArray, readBool, readNumber, readObject, readString, type ReadCtx } from '../fields/read-json.js';
import { readCalicoSelector } from '../fields/read-selector.js';
import { readStagedAction } from '../fields/staged-action.js';

export type CalicoPolicyKind = 'NetworkPolicy' | 'GlobalNetworkPolicy' | 'StagedNetworkPolicy' | 'StagedGlobalNetworkPolicy';

const COMMON = ['tier', 'order', 'selector', 'types', 'ingress', 'egress', 'serviceAccountSelector', 'performanceHints'];
const GLOBAL_ONLY = ['namespaceSelector', 'doNotTrack', 'preDNAT', 'applyOnForward'];

/** Converts one Calico policy manifest; undefined when invalid (every problem reported). */
export function convertCalicoPolicy(ctx: ReadCtx, kind: CalicoPolicyKind): DraftPolicy | undefined {
  const m = ctx.manifest;
  const before = errorCount(ctx);
  const global = kind === 'GlobalNetworkPolicy' || kind === 'StagedGlobalNetworkPolicy';
  const staged = kind.startsWith('Staged');
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, [...COMMON, ...(global ? GLOBAL_ONLY : []), ...(staged ? ['stagedAction'] : [])], 'spec');
  const namespace = global ? undefined : (m.namespace ?? 'default');
  const tier = readString(ctx, spec['tier'], 'spec.tier') || 'default';
  const orderValue = readNumber(ctx, spec['order'], 'spec.order');
  const selector = readCalicoSelector(ctx, spec['selector'], 'spec.selector');
  const saSelector = readCalicoSelector(ctx, spec['serviceAccountSelector'], 'spec.serviceAccountSelector');
  const nsSelector = global ? readCalicoSelector(ctx, spec['namespaceSelector'], 'spec.namespaceSelector') : '';
  const ingress = readCalicoRules(ctx, spec['ingress'], 'spec.ingress', namespace);
  const egress = readCalicoRules(ctx, spec['egress'], 'spec.egress', namespace);
  const types = readTypes(ctx, spec, ingress.rules.length, egress.rules.length);
  const flags = readFlags(ctx, spec, global, egress.rules.length, types?.egress ?? false);
  checkHints(ctx, spec);
  const stagedAction = staged ? readStagedAction(ctx, spec) : undefined;
  if (errorCount(ctx) > before || selector === undefined || saSelector === undefined || nsSelector === undefined || !types) {
    return undefined;
  }
  return {
    kind,
    name: m.name,
    ...(namespace !== undefined ? { namespace } : {}),
    tier,
    order: orderValue ?? Infinity,
    selector,
    namespaceSelector: nsSelector,
    serviceAccountSelector: saSelector,
    types,
    ingress: ingress.rules,
    egress: egress.rules,
    staged,
    ...(stagedAction ? { stagedAction } : {}),
    ...flags,
    src: m.src,
    sourceKind: `${m.apiVersion}/${m.kind}`,
  };
}

/** `types`, defaulted when empty (api/pkg/defaults/networkpolicy.go defaultPolicyTypesField). */
function readTypes(ctx: ReadCtx, spec: JsonObject, nIngress: number, nEgress: number): { ingress: boolean; egress: boolean } | undefined {
  const list = readArray(ctx, spec['types'], 'spec.types') ?? [];
  if (list.length === 0) {
    if (nEgress === 0) return { ingress: true, egress: false };
    return nIngress === 0 ? { ingress: false, egress: true } : { ingress: true, egress: true };
  }
  if (list.length > 2) fail(ctx, 'spec.types', 'must have at most 2 items');
  let ingress = false;
  let egress = false;
  let ok = list.length <= 2;
  list.forEach((t, i) => {
    if (t === 'Ingress' && !ingress) ingress = true;
    else if (t === 'Egress' && !egress) egress = true;
    else {
      fail(ctx, `spec.types[${i}]`, `unsupported or repeated value ${JSON.stringify(t)}: supported values: Ingress, Egress`);
      ok = false;
    }
  });
  return ok ? { ingress, egress } : undefined;
}

/** GNP doNotTrack / preDNAT / applyOnForward with their CEL constraints (globalnetworkpolicy.go). */
function readFlags(
  ctx: ReadCtx,
  spec: JsonObject,
  global: boolean,
  nEgress: number,
  egressType: boolean,
): { preDNAT: boolean; doNotTrack: boolean; applyOnForward: boolean } {
  if (!global) return { preDNAT: false, doNotTrack: false, applyOnForward: false };
  const doNotTrack = readBool(ctx, spec['doNotTrack'], 'spec.doNotTrack') ?? false;
  const preDNAT = readBool(ctx, spec['preDNAT'], 'spec.preDNAT') ?? false;
  const applyOnForward = readBool(ctx, spec['applyOnForward'], 'spec.applyOnForward') ?? false;
  if (doNotTrack && preDNAT) fail(ctx, 'spec.preDNAT', 'preDNAT and doNotTrack cannot both be true');
  if (preDNAT && nEgress > 0) fail(ctx, 'spec.egress', 'preDNAT policy cannot have any egress rules');
  if (preDNAT && egressType) fail(ctx, 'spec.types', "preDNAT policy cannot have 'Egress' type");
  if ((doNotTrack || preDNAT) && !applyOnForward) {
    fail(ctx, 'spec.applyOnForward', 'applyOnForward must be true if either preDNAT or doNotTrack is true');
  }
  return { preDNAT, doNotTrack, applyOnForward };
}

function checkHints(ctx: ReadCtx, spec: JsonObject): void {
  (readArray(ctx, spec['performanceHints'], 'spec.performanceHints') ?? []).forEach((h, i) => {
    if (h !== 'AssumeNeededOnEveryNode') {
      fail(ctx, `spec.performanceHints[${i}]`, `unsupported value ${JSON.stringify(h)}: supported values: AssumeNeededOnEveryNode`);
    }
  });
}
