// scenario: what the API server refuses in a built-in Kubernetes object — an apiVersion the group does not serve,
// fields of the wrong type or unknown to the OpenAPI schema (kubectl's strict field validation), names that are not
// DNS labels or subdomains, bad label keys and values. The schemas are kubernetes-models' compiled OpenAPI
// validators, loaded once per kind on first use.
import { createRequire, Module } from 'node:module';
import { labelKeyProblem, labelValueProblem } from '../schema/label-formats.js';
import { closest } from '../schema/did-you-mean.js';
import { dnsLabel, dnsSubdomain } from '../schema/formats.js';
import { fieldOf, joinPath, type PMap, type PValue } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import type { FieldPart } from '../../lib/diagnostics.js';
import type { JsonValue, Locator } from '../types.js';
import { isJsonMap } from '../schema/validate-quick-json.js';
import { recordAccess } from '../record-access.js';
import { emptySchemaFields, learn, unknownFields, type SchemaFields, type UnknownField } from './schema-fields.js';

const require = createRequire(import.meta.url);

/** Puts `exports` in the module cache as what `request`, required from kubernetes-models' validate package, loads. */
function preload(request: string, exports: (fromValidate: NodeJS.Require) => unknown): void {
  const fromValidate = createRequire(require.resolve('@kubernetes-models/validate'));
  const main = fromValidate.resolve(request);
  if (require.cache[main] !== undefined) return;
  const shim = new Module(main);
  shim.filename = main;
  shim.loaded = true;
  shim.exports = exports(fromValidate);
  require.cache[main] = shim;
}
let preloaded = false;
/** Hands kubernetes-models' validate package lighter stand-ins for two of its dependencies, before its first load. */
function preloadValidateDeps(): void {
  // It loads ajv-i18n whole, 23 locales, to word its errors in English: a third of a second on every command that
  // checks an object. It is handed the English locale alone (the same messages).
  preload('ajv-i18n', (fromValidate) => ({ en: fromValidate('ajv-i18n/localize/en') as unknown }));
  // Its formats take ajv-formats-draft2019's iri, duration, idn-email, idn-hostname and iri-reference, whose
  // loading (the `schemes` list of every URI scheme, punycode) costs a tenth of a second; no Kubernetes schema
  // names those formats (they use byte, quantity, date-time, int32, int64, double: the validators read
  // `formats.<name>` directly), so they are left out.
  preload('ajv-formats-draft2019/formats/index.js', () => ({}));
}

/** Kubernetes API groups kubernetes-models carries (its folder per group; `v1` is the core group). */
const GROUPS = new Set(['admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'apps', 'authentication.k8s.io',
  'authorization.k8s.io', 'autoscaling', 'batch', 'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io',
  'extensions', 'flowcontrol.apiserver.k8s.io', 'networking.k8s.io', 'node.k8s.io', 'policy', 'rbac.authorization.k8s.io',
  'scheduling.k8s.io', 'storage.k8s.io']);

/** Spec fields read by calisim's own strict policy readers (unknown fields there are reported by them). */
const POLICY_KINDS = new Set(['NetworkPolicy']);

type Validate = (this: unknown) => void;
const validators = new Map<string, Validate | null>();

/** What each kind's validator was seen to read, by object shape. */
const learnt = new Map<string, SchemaFields>();

/** The API group and version of an apiVersion (`v1` is the core group, ''). */
function groupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return { group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * What was learnt of a kind's fields, for the walk that builds an object's body to find its unknown fields
 * (manifest-record.ts's ShapeCheck); undefined for groups checkApiObject lets pass.
 */
export function learntFieldsOf(apiVersion: string, kind: string): SchemaFields | undefined {
  // Asked twice per object (10k Pods on B1): found by apiVersion, then kind, without building the id each time.
  let kinds = learntByApiVersion.get(apiVersion);
  if (kinds === undefined) learntByApiVersion.set(apiVersion, (kinds = new Map()));
  let fields = kinds.get(kind);
  if (fields === undefined) kinds.set(kind, (fields = learntFieldsById(apiVersion, kind)));
  return fields ?? undefined;
}

/** What learntFieldsOf returns, null for groups checkApiObject lets pass. */
const learntByApiVersion = new Map<string, Map<string, SchemaFields | null>>();

function learntFieldsById(apiVersion: string, kind: string): SchemaFields | null {
  const { group, version } = groupVersion(apiVersion);
  if (group !== '' && !GROUPS.has(group)) return null;
  const id = `${group}/${version}/${kind}`;
  let fields = learnt.get(id);
  if (fields === undefined) learnt.set(id, (fields = emptySchemaFields()));
  return fields;
}

/**
 * Reports what the API server would refuse in a built-in object; other groups (Calico, CRDs) pass. `json` is `doc`
 * as plain JSON (the manifest's body), which the validators only read; `learntUnknown` is what the body's walk
 * found with learntFieldsOf's fields (undefined: a shape no clean run covered).
 */
export function checkApiObject(
  doc: PMap, json: JsonValue, path: string, apiVersion: string, kind: string, locate: Locator, ctx: Ctx, learntUnknown: UnknownField[] | undefined,
): void {
  const { group, version } = groupVersion(apiVersion);
  if (group !== '' && !GROUPS.has(group)) return;
  const at: Placer = (field, part) => ({
    path: path === '' || field === '' ? path + field : field.startsWith('[') ? path + field : `${path}.${field}`,
    src: locate(field, part),
  });
  const validate = validatorOf(group, version, kind);
  if (validate === null) {
    const served = servedVersions(group, kind);
    const hint = served.length ? `; ${kind} is served as ${served.map((v) => (group ? `${group}/${v}` : v)).join(', ')}` : '';
    const p = at('apiVersion');
    ctx.sink.error(p.src, p.path, `no ${kind} in apiVersion ${apiVersion}${hint}`);
    return;
  }
  checkNames(doc, kind, at, ctx);
  const fields = learntFieldsOf(apiVersion, kind) as SchemaFields;
  for (const { parent, key, known } of schemaUnknownFields(doc, json, fields, learntUnknown, validate, at, ctx)) {
    if (POLICY_KINDS.has(kind) && (parent === 'spec' || parent.startsWith('spec.'))) continue;
    // Dumps of older clusters carry a status the current schema dropped (NetworkPolicy's, removed in 1.27).
    if (parent === '' && key === 'status') continue;
    const field = joinPath(parent, key);
    const hint = closest(key, known);
    const p = at(field, 'key');
    ctx.sink.error(p.src, p.path, `unknown field "${key}"${parent ? ` in ${parent}` : ''}${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
  }
}

/**
 * Validates `doc` and returns its fields the schema does not know. An object whose shape a clean run of its kind
 * already covered (`learntUnknown` given) is validated bare and checked against what was learnt; any other, or one
 * the schema refuses, is validated through the recording proxy, its type errors reported, and (when clean) its
 * shape learnt in `fields`.
 */
function schemaUnknownFields(
  doc: PMap, json: JsonValue, fields: SchemaFields, learntUnknown: UnknownField[] | undefined, validate: Validate, at: Placer, ctx: Ctx,
): UnknownField[] {
  if (learntUnknown !== undefined && schemaErrors(validate, json).length === 0) return learntUnknown;
  const run = recordAccess(json);
  const errors = schemaErrors(validate, run.value);
  if (errors.length === 0) learn(fields, doc, run);
  for (const err of errors) {
    // Missing required fields are left to calisim's readers, which ask for what they use (dumps and corpora
    // hold ports without containerPort and owner references without uid).
    if (err.keyword === 'required') continue;
    const field = err.instancePath.split('/').slice(1).reduce<string>((f, s) => joinPath(f, /^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')), '');
    const p = at(field);
    // calisim's own readers may have said it already, in their words.
    if (ctx.sink.items.some((d) => d.severity === 'error' && d.file === p.src.file && d.line === p.src.line && d.col === p.src.col)) continue;
    // A warning: calisim reads such objects leniently where it can.
    ctx.sink.warn(p.src, p.path, `${err.message ?? err.keyword} (the API server would refuse it)`);
  }
  return unknownFields(doc, run);
}

function schemaErrors(validate: Validate, value: unknown): readonly AjvError[] {
  try {
    validate.call(value);
    return [];
  } catch (e) {
    return (e as { errors?: AjvError[] }).errors ?? [];
  }
}

/** The reported path and position of a field of the object (its value's, or its key's with `part` 'key'). */
type Placer = (f: string, part?: FieldPart) => { path: string; src: ReturnType<Locator> };

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
}

function validatorOf(group: string, version: string, kind: string): Validate | null {
  const id = `${group}/${version}/${kind}`;
  let v = validators.get(id);
  if (v === undefined) {
    if (!preloaded) preloadValidateDeps();
    preloaded = true;
    const bundled = bundledValidators()?.[id];
    try {
      const mod = (bundled !== undefined ? bundled() : require(`kubernetes-models/${group || 'v1'}${group ? `/${version}` : ''}/${kind}`)) as Record<string, { prototype: { validate: Validate } }>;
      v = group === '' && version !== 'v1' ? null : mod[kind]?.prototype.validate ?? null;
    } catch {
      v = null;
    }
    validators.set(id, v);
  }
  return v;
}

/**
 * The validators of the kinds calisim reads, bundled into one file by scripts/build-cli.mjs (`group/version/kind` →
 * that kind's module): one file to load where the package has ~200 per kind. Absent when running from the sources;
 * then each kind is required from the package, the same code.
 */
let bundled: Readonly<Record<string, () => unknown>> | null | undefined;
function bundledValidators(): Readonly<Record<string, () => unknown>> | null {
  if (bundled === undefined) {
    try {
      bundled = require('../../cli-bundle/k8s-validators.js') as Record<string, () => unknown>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
      bundled = null;
    }
  }
  return bundled;
}

/** The versions of `group` kubernetes-models has `kind` in. */
function servedVersions(group: string, kind: string): string[] {
  if (group === '') return validatorOf('', 'v1', kind) ? ['v1'] : [];
  const out: string[] = [];
  for (const v of ['v1', 'v1beta1', 'v1beta2', 'v1beta3', 'v1alpha1', 'v2', 'v2beta1', 'v2beta2']) if (validatorOf(group, v, kind)) out.push(v);
  return out;
}

/** metadata.name (a DNS label for Namespaces and Services, else a subdomain), metadata.namespace, labels. */
function checkNames(doc: PMap, kind: string, at: Placer, ctx: Ctx): void {
  const meta = fieldOf(doc, 'metadata');
  const str = (v: PValue | undefined): string | undefined => (v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined);
  const labels = fieldOf(meta, 'labels');
  const entries = labels?.kind === 'map' ? labels.entries.map((e): [string, string | undefined] => [e.key, str(e.value)]) : [];
  nameProblems(str(fieldOf(meta, 'name')), str(fieldOf(meta, 'namespace')), entries, kind, (field, problem, part) => {
    const p = at(field, part);
    ctx.sink.error(p.src, p.path, problem);
  });
}

/**
 * Calls `report` with each problem of an object's name, namespace and labels (keys, and the values that are strings);
 * a label key's problem is about the key, placed at it.
 */
function nameProblems(
  name: string | undefined, ns: string | undefined, labels: Iterable<readonly [string, string | undefined]>, kind: string,
  report: (field: string, problem: string, part: FieldPart) => void,
): void {
  const check = (field: string, problem: string | undefined, part: FieldPart = 'value'): void => {
    if (problem !== undefined) report(field, problem, part);
  };
  // apimachinery ValidateObjectMeta: Namespace names are DNS-1123 labels, Service names DNS-1035 labels.
  if (name !== undefined) check('metadata.name', kind === 'Service' && /^[0-9]/.test(name) ? `${JSON.stringify(name)} is not a valid Service name (must start with a letter)` : (kind === 'Namespace' || kind === 'Service' ? dnsLabel : dnsSubdomain)(name));
  if (ns !== undefined) check('metadata.namespace', dnsLabel(ns));
  for (const [key, v] of labels) {
    const keyProblem = labelKeyProblemOf(key);
    const valueProblem = v === undefined ? undefined : labelValueProblem(v);
    if (keyProblem === undefined && valueProblem === undefined) continue;
    const field = joinPath('metadata.labels', key);
    check(field, keyProblem, 'key');
    check(field, valueProblem);
  }
}

/**
 * True when checkApiObject would report nothing for an object whose body is `json` and whose body walk found
 * `learntUnknown`: then it need not be called. Runs the same validator on the same value; records nothing.
 */
export function apiObjectClean(json: JsonValue, apiVersion: string, kind: string, learntUnknown: readonly UnknownField[] | undefined): boolean {
  const { group, version } = groupVersion(apiVersion);
  if (group !== '' && !GROUPS.has(group)) return true;
  if (learntUnknown === undefined || learntUnknown.length > 0 || !isJsonMap(json)) return false;
  const validate = validatorOf(group, version, kind);
  if (validate === null) return false;
  const meta = isJsonMap(json.metadata) ? json.metadata : undefined;
  const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
  const labels = meta !== undefined && isJsonMap(meta.labels) ? meta.labels : undefined;
  let clean = true;
  nameProblems(str(meta?.name), str(meta?.namespace), labels === undefined ? [] : labelPairs(labels), kind, () => {
    clean = false;
  });
  return clean && schemaErrors(validate, json).length === 0;
}

function* labelPairs(labels: { readonly [k: string]: JsonValue }): Iterable<[string, string | undefined]> {
  for (const key in labels) {
    const v = labels[key];
    yield [key, typeof v === 'string' ? v : undefined];
  }
}

/** labelKeyProblem, once per key: 10k Pods carry the same few label keys. */
const keyProblems = new Map<string, string | undefined>();
function labelKeyProblemOf(key: string): string | undefined {
  if (keyProblems.has(key)) return keyProblems.get(key);
  const problem = labelKeyProblem(key);
  keyProblems.set(key, problem);
  return problem;
}
