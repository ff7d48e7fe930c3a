// scenario: the stage's entry points — a scenario file, a file of plain manifests, or manifest folders into
// a validated Scenario; every problem found is thrown at once as one InputError, warnings ride along.
import { fileURLToPath } from 'node:url';
import { InputError, type Diagnostic } from '../lib/diagnostics.js';
import { buildScenario } from './build-scenario.js';
import { checkScenario } from './checks/check-scenario.js';
import { isFolder, Loader, type ReadInput } from './read/loader.js';
import { buildManifestScenario } from './manifests/manifest-scenario.js';
import { readSet } from './read-back/manifest-set-scenario.js';
import type { PValue } from './read/positioned.js';
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
    const docs = loader.readDocs(path);
    if (docs === undefined) continue;
    if (docs.some(isManifest) && !docs.some(hasScenarioKeys)) {
      raw.push(...docs.map((node) => ({ node, path: '' })));
      continue;
    }
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
function isManifest(doc: PValue): boolean {
  if (doc.kind !== 'map' || hasScenarioKeys(doc)) return false;
  const keys = new Set(doc.entries.map((e) => e.key));
  return keys.has('apiVersion') && keys.has('kind');
}

function hasScenarioKeys(doc: PValue): boolean {
  return doc.kind === 'map' && doc.entries.some((e) => (SCENARIO_KEYS as readonly string[]).includes(e.key));
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
