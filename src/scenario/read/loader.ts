// scenario: the reading side of one load — files and folders into documents, every file read recorded,
// problems collected in one sink, and the validation contexts (scenario form, real manifests).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { DiagnosticSink } from '../../lib/diagnostics.js';
import { limits } from '../../lib/limits.js';
import { IgnoredKinds } from '../manifests/normalise-manifests.js';
import type { PValue } from './positioned.js';
import { errorAt, Provenance, type Ctx, type Place } from '../provenance.js';
import { readBlockJson } from './direct/block-json-reader.js';
import { DocumentRereader, readBlockYaml } from './direct/block-yaml-reader.js';
import { LazyManifestDoc } from './lazy-manifest-doc.js';
import { DEFAULT_LIMITS, readOtherwise, readYamlFile, readYamlText, withinLimits, type InputBudget, type ReadLimits } from './read-yaml.js';
import type { RawRef } from '../schema/schema.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** kustomize's file names (kustomize/api konfig.RecognizedKustomizationFileNames). */
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What a load reads besides files: standard input (the path `-`) and the namespace of `-n`. */
export interface ReadInput {
  readonly stdin?: string;
  readonly namespace?: string;
  /** Characters from which a file is read JSON first (JSON_FIRST_CHARS; tests read every file so). */
  readonly jsonFirstChars?: number;
}

/**
 * Files from this size on are read JSON first: what it saves grows with the documents a file holds, while a small
 * file (a scenario, an include of a few policies) would only pay for a second reader's first, unoptimised run.
 */
export const JSON_FIRST_CHARS = 64 * 1024;

export class Loader {
  readonly sink = new DiagnosticSink();
  readonly prov = new Provenance();
  readonly files: string[] = [];
  readonly ignored = new IgnoredKinds();
  readonly limits: ReadLimits;
  /** Bytes the files of this load may still take together. */
  readonly bytes: InputBudget;
  /** The scenario's folder (symbolic links resolved): includes stay inside it. */
  private root: string | undefined;
  /** Scenario form: unknown fields are errors. */
  readonly ctx: Ctx;
  /** Real manifests: unknown fields pass, dangling references are warnings. */
  readonly manifestCtx: Ctx;

  private readonly stdin: string | undefined;
  private readonly jsonFirstChars: number;

  constructor(readLimits: Partial<ReadLimits> = {}, input: ReadInput = {}) {
    this.limits = { ...DEFAULT_LIMITS, maxFileBytes: limits().maxFileBytes, ...readLimits };
    this.stdin = input.stdin;
    this.jsonFirstChars = input.jsonFirstChars ?? JSON_FIRST_CHARS;
    const ns = input.namespace === undefined ? {} : { namespace: input.namespace };
    const objects = { left: limits().maxObjects };
    this.bytes = { left: limits().maxInputBytes, total: limits().maxInputBytes };
    this.ctx = { sink: this.sink, prov: this.prov, strict: true, fromManifest: false, objects, ...ns };
    this.manifestCtx = { sink: this.sink, prov: this.prov, strict: false, fromManifest: true, objects, ...ns };
  }

  /** Documents of a file; a missing file is reported at `from` (the include entry) when given. */
  readDocs(file: string, from?: Place): PValue[] | undefined {
    if (from !== undefined && !isFile(file)) {
      errorAt(this.ctx, from, `cannot read ${file}: no such file`);
      return undefined;
    }
    if (from === undefined) this.root ??= realFolderOf(file);
    else if (!this.included(file, from)) return undefined;
    if (!this.files.includes(file)) this.files.push(file);
    return readYamlFile(file, this.sink, this.limits, this.bytes);
  }

  /** Every document of a manifest file or of a folder's *.yaml/*.yml/*.json files (recursively, sorted). */
  readManifests(target: string, from?: Place): RawRef[] {
    const files = manifestFiles(target);
    const scanned = isFolder(target);
    if (files === undefined) {
      if (from !== undefined) errorAt(this.ctx, from, `cannot read ${target}: no such file or folder`);
      else this.sink.error({ file: target, line: 0, col: 0 }, '', 'no such file or folder');
      return [];
    }
    const kustomization = scanned ? KUSTOMIZATION.find((k) => isFile(join(target, k))) : undefined;
    if (kustomization !== undefined) {
      this.sink.warn({ file: join(target, kustomization), line: 0, col: 0 }, '',
        `${target} is a kustomization: its files are read as they are, not rendered; to load what it renders, run \`kubectl kustomize ${target} | calisim COMMAND -f -\``);
    }
    if (files.length === 0) this.sink.warn(from?.src ?? { file: target, line: 0, col: 0 }, from?.path ?? '', `no manifest files in ${target}`);
    const out: RawRef[] = [];
    for (const f of files) {
      if (from !== undefined && !this.included(f, from)) continue;
      for (const doc of this.manifestDocs(f, scanned)) out.push(doc);
    }
    return out;
  }

  /**
   * The documents of one manifest file, as readDocs reads them; a file the direct reader takes is read as JSON,
   * each document's tree left to be read when asked for (lazy-manifest-doc.ts).
   */
  private manifestDocs(file: string, scanned: boolean): RawRef[] {
    return this.inputDocs(file, scanned) ?? [];
  }

  /**
   * The documents of a file named on the command line (`-`: standard input), as readDocs(file) reads them but, for
   * a large file, JSON first where the direct reader takes the text (each document's `node` then read on first use);
   * undefined when the file cannot be read (reported).
   */
  inputDocs(file: string, scanned = false): RawRef[] | undefined {
    this.root ??= realFolderOf(file);
    if (!this.files.includes(file)) this.files.push(file);
    const stdin = file === '-' && this.stdin !== undefined;
    const name = stdin ? '<stdin>' : file;
    const text = stdin ? this.stdin : readYamlText(file, this.sink, this.limits, this.bytes);
    if (text === undefined || !withinLimits(text, name, this.sink, this.limits)) return undefined;
    if (text.length < this.jsonFirstChars) return (readBlockYaml(text, name) ?? readOtherwise(text, name, this.sink, this.limits))?.map((node) => ({ node, path: '', scanned }));
    const docs = readBlockJson(text, name);
    if (docs !== undefined) {
      const source = new DocumentRereader(text, name);
      return docs.map((d) => new LazyManifestDoc(d.json, source, d.offset, d.line, scanned));
    }
    // The tree reader declines what the JSON reader declines (block-lines.ts is both's).
    return readOtherwise(text, name, this.sink, this.limits)?.map((node) => ({ node, path: '', scanned }));
  }

  /**
   * An include must stay inside the scenario's own folder tree, symbolic links resolved (a link out of it is
   * refused too), unless --include-outside allows it; a refusal is reported at the include entry.
   */
  private included(file: string, from: Place): boolean {
    if (limits().includeOutside || this.root === undefined) return true;
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return true;
    }
    if (real === this.root || real.startsWith(this.root + sep)) return true;
    errorAt(this.ctx, from, `${file} is outside the scenario's folder ${this.root} (or links out of it); pass --include-outside to allow it`);
    return false;
  }
}

/** The folder of a file, symbolic links resolved (undefined when the file does not exist). */
function realFolderOf(file: string): string | undefined {
  try {
    return dirname(realpathSync(file));
  } catch {
    return undefined;
  }
}

/** A path written in `from` resolved against that file's folder. */
export function resolveFrom(from: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(from), path);
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The files of a manifest target, or undefined when it does not exist. */
function manifestFiles(target: string): string[] | undefined {
  if (isFile(target)) return [target];
  if (!isFolder(target)) return undefined;
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (MANIFEST_FILE.test(e.name) && !KUSTOMIZATION.includes(e.name) && isFile(p)) out.push(p);
    }
  };
  walk(target);
  return out;
}
