// scenario: the stage's entry points — a scenario file, a file of plain manifests, or manifest folders into
// a validated Scenario; every problem found is thrown at once as one InputError, warnings ride along.
import { fileURLToPath } from 'node:url';
import { InputError, type Diagnostic } from '../lib/diagnostics.js';
import { buildScenario } from './build-scenario.js';
import { checkScenario } from './checks/check-scenario.js';
import { isFolder, Loader, type ReadInput } from './read/loader.js';
import { buildManifestScenario } from './manifests/manifest-scenario.js';
import { readSet } from './read-back/manifest-set-scenario.js';
import { LazyManifestDoc } from './read/lazy-manifest-doc.js';
import type { PValue } from './read/positioned.js';
import { isJsonMap } from './schema/validate-quick-json.js';
import type { ReadLimits } from './read/read-yaml.js';
import { SCENARIO_KEYS } from './schema/scenario-schema.js';
import type { RawRef } from './schema/schema.js';
import type { Scenario } from './types.js';

export { parseDuration } from './schema/duration.js';

export interface LoadOptions extends ReadInput {
  /** Overrides of the input limits (file size, document count, alias expansion). */
  readonly limits?: Partial<ReadLimits>;
  /** Rewrites a scenario file's document before it is validated (a sweep point setting fields by path). */
  readonly transform?: (doc: PValue, loader: Loader) => PValue;
}

/** Absolute path of the default scenario (scenarios/giantnetes.yaml), from src/scenario or dist/scenario. */
export function defaultScenarioPath(): string {
  return fileURLToPath(new URL('../../scenarios/giantnetes.yaml', import.meta.url));
}

/** Loads a scenario file, a YAML file of plain manifests, or a folder of manifests. */
export function loadScenario(path: string, options: LoadOptions = {}): Scenario {
  return loadScenarios([path], options);
}

/** Loads one scenario file, or merges manifest files and folders into one single-cluster scenario. */
export function loadScenarios(paths: readonly string[], options: LoadOptions = {}): Scenario {
  const loader = new Loader(options.limits, options);
  if (paths.length === 0) throw new InputError([problem('<input>', 'no scenario or manifest path given')]);
  const raw: RawRef[] = [];
  let scenario: Omit<Scenario, 'warnings'> | undefined = paths.length === 1 ? readSet(paths[0]!, loader) : undefined;
  for (const path of scenario === undefined ? paths : []) {
    if (isFolder(path)) {
      raw.push(...loader.readManifests(path));
      continue;
    }
    const refs = loader.inputDocs(path);
    if (refs === undefined) continue;
    if (refs.some(isManifest) && !refs.some(hasScenarioKeys)) {
      for (const r of refs) raw.push(r);
      continue;
    }
    // A scenario file: its trees (read from the JSON documents' places when it was read JSON first).
    const docs = refs.map((r) => r.node);
    if (paths.length > 1) {
      loader.sink.error({ file: path, line: 1, col: 1 }, '', 'a scenario file must be given alone, not with other files or folders');
      continue;
    }
    if (docs.length !== 1) {
      const msg = docs.length === 0 ? 'the file is empty' : 'a scenario file holds one YAML document (or only Kubernetes manifests)';
      loader.sink.error({ file: path, line: 1, col: 1 }, '', msg);
      continue;
    }
    const doc = docs[0] as PValue;
    scenario = buildScenario(path, options.transform ? options.transform(doc, loader) : doc, loader);
  }
  if (scenario === undefined && loader.sink.errorCount === 0) scenario = buildManifestScenario(paths, raw, loader);
  if (scenario !== undefined) checkScenario(scenario as Scenario, loader.ctx);
  loader.ignored.report(loader.ctx);
  const diagnostics = dedupe(loader.sink.items).sort(byPlace);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || scenario === undefined) throw new InputError(errors.length > 0 ? errors : [problem(paths[0] ?? '', 'nothing to load')]);
  return { ...scenario, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

/** A document that is a Kubernetes object (apiVersion and kind, no scenario keys). */
function isManifest(ref: RawRef): boolean {
  const keys = topKeys(ref);
  return keys !== undefined && !keys.some(isScenarioKey) && keys.includes('apiVersion') && keys.includes('kind');
}

function hasScenarioKeys(ref: RawRef): boolean {
  return topKeys(ref)?.some(isScenarioKey) === true;
}

function isScenarioKey(key: string): boolean {
  return (SCENARIO_KEYS as readonly string[]).includes(key);
}

/** The keys of a document that is a map, from its JSON when it was read JSON first (its tree left unread). */
function topKeys(ref: RawRef): string[] | undefined {
  if (ref instanceof LazyManifestDoc) return isJsonMap(ref.json) ? Object.keys(ref.json) : undefined;
  return ref.node.kind === 'map' ? ref.node.entries.map((e) => e.key) : undefined;
}

/** Same problem at the same place reported once (generated tenants share their template's lines). */
function dedupe(items: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return items.filter((d) => {
    const key = `${d.severity}\u0000${d.file}\u0000${d.line}\u0000${d.col}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** File, then line, then column (stable, so problems at one place keep their order). */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col;
}

function problem(file: string, message: string): Diagnostic {
  return { severity: 'error', file, line: 0, col: 0, path: '', message };
}
