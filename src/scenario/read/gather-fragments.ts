// scenario: top-level `include:` — scenario fragments (relative to the including file) whose templates,
// tenants, tenantSets and events are concatenated, included ones first; cycles reported with their chain.
import { resolve } from 'node:path';
import { resolveFrom, type Loader } from './loader.js';
import { joinPath, type PMap, type PValue } from './positioned.js';
import { errorAt } from '../provenance.js';
import { fragmentSchema } from '../schema/scenario-schema.js';
import type { PathRef, RawRef } from '../schema/schema.js';
import type { SourceRef } from '../../lib/diagnostics.js';
import { validate } from '../schema/validate.js';

export interface TemplateRef {
  readonly node: PValue;
  readonly path: string;
  readonly keySrc: SourceRef;
}

export interface Gathered {
  readonly templates: Map<string, TemplateRef>;
  readonly tenants: RawRef[];
  readonly tenantSets: RawRef[];
  readonly events: RawRef[];
}

/** The parts of a scenario file (validated top level or fragment) that fragments contribute. */
export interface FragmentRec {
  readonly include: PathRef[];
  readonly templates?: RawRef;
  readonly tenants?: RawRef;
  readonly tenantSets?: RawRef;
  readonly events?: RawRef;
}

/** Collects the root file's parts and its fragments' parts (depth-first, included files first). */
export function gatherFragments(file: string, root: FragmentRec, loader: Loader): Gathered {
  const g: Gathered = { templates: new Map(), tenants: [], tenantSets: [], events: [] };
  visit(root, [resolve(file)], [file], g, loader);
  return g;
}

function visit(rec: FragmentRec, chain: string[], names: string[], g: Gathered, loader: Loader): void {
  for (const inc of rec.include) {
    const target = resolveFrom(inc.src.file, inc.path);
    const abs = resolve(target);
    const place = { path: inc.fieldPath, src: inc.src };
    if (chain.includes(abs)) {
      errorAt(loader.ctx, place, `include cycle: ${[...names, target].join(' → ')}`);
      continue;
    }
    const docs = loader.readDocs(target, place);
    if (docs === undefined) continue;
    if (docs.length !== 1 || docs[0]?.kind !== 'map') {
      errorAt(loader.ctx, place, `${target} must hold one scenario fragment (a map with templates, tenants, tenantSets or events)`);
      continue;
    }
    const frag = validate(fragmentSchema, docs[0], '', loader.ctx) as FragmentRec | undefined;
    if (frag !== undefined) visit(frag, [...chain, abs], [...names, target], g, loader);
  }
  addTemplates(rec.templates, g, loader);
  if (rec.tenants !== undefined) g.tenants.push(rec.tenants);
  if (rec.tenantSets !== undefined) g.tenantSets.push(rec.tenantSets);
  if (rec.events !== undefined) g.events.push(rec.events);
}

function addTemplates(ref: RawRef | undefined, g: Gathered, loader: Loader): void {
  if (ref === undefined) return;
  for (const e of (ref.node as PMap).entries) {
    const path = joinPath(ref.path, e.key);
    const first = g.templates.get(e.key);
    if (first !== undefined) {
      errorAt(loader.ctx, { path, src: e.keySrc }, `template ${e.key} is already defined at ${first.keySrc.file}:${first.keySrc.line}`);
      continue;
    }
    if (e.value.kind !== 'map') {
      errorAt(loader.ctx, { path, src: e.value.src }, 'a template is a map of tenant fields');
      continue;
    }
    g.templates.set(e.key, { node: e.value, path, keySrc: e.keySrc });
  }
}
