// The pipeline is one-way: a stage imports only earlier stages and src/lib (ARCHITECTURE.md), and so are the
// parts of a split folder (PARTS). This test parses every import in src/ and fails on a backward edge.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const ORDER = ['lib', 'scenario', 'model', 'compile', 'engine', 'verdict', 'plan', 'emit', 'cli'];

// The parts of a split folder (its sub-folders) and the parts each may import, so that within a stage too the
// code reads one way: the classes know no rule, the matrix runs the rules' programs, an explanation reads the
// matrix's state and the matrix never an explanation. A folder's own files (its face, its shared types) and its
// sub-folders not listed here are outside the rule.
const PARTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'compile/policy': {
    classes: [],
    rules: ['classes'],
    matrix: ['classes', 'rules'],
    explain: ['classes', 'rules', 'matrix'],
    uncertain: ['classes', 'rules', 'matrix'],
  },
  // Fields are read into checked values, converters build on them, the other resources on both; the reference
  // evaluator reads the IR (and port ranges), never a manifest converter.
  'model/policy': { fields: [], convert: ['fields'], resources: ['fields', 'convert'], eval: ['fields'] },
  // Two independent fast readers of the same YAML: each declines to the readers at the top, never to the other.
  'scenario/read': { direct: [], events: [] },
  // Loading knows nothing of how outputs are written; a printed document carries the load's warnings.
  cli: { load: [], output: ['load'] },
  // The views read the lab's daemons; the lab builds machines and knows no view.
  'cli/emulate': { lab: [], views: ['lab'] },
  lib: { containers: [], random: [], selector: [] },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The part of `folder` (a key of PARTS) a file lies in, or undefined when it is none of its parts. */
function partOf(file: string, folder: string): string | undefined {
  const rel = relative(join(src, folder), file).split(/[\\/]/);
  const part = rel[0] as string;
  return rel.length > 1 && part !== '..' && Object.hasOwn(PARTS[folder] ?? {}, part) ? part : undefined;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );
}

function stageOf(file: string): number {
  const top = relative(src, file).split(/[\\/]/)[0] as string;
  return top.endsWith('.ts') ? ORDER.length : ORDER.indexOf(top);
}

describe('architecture', () => {
  it('every stage imports only earlier stages and src/lib', () => {
    const backward: string[] = [];
    for (const file of files(src)) {
      for (const target of importsOf(file)) {
        const from = stageOf(file);
        const to = stageOf(target);
        if (to > from) backward.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('within a split folder, each part imports only the parts listed for it', () => {
    const against: string[] = [];
    for (const [folder, parts] of Object.entries(PARTS)) {
      for (const file of files(join(src, folder))) {
        const from = partOf(file, folder);
        if (from === undefined) continue;
        for (const target of importsOf(file)) {
          const to = partOf(target, folder);
          if (to !== undefined && to !== from && !(parts[from] ?? []).includes(to)) {
            against.push(`${relative(src, file)} → ${relative(src, target)}`);
          }
        }
      }
    }
    expect(against).toEqual([]);
  });

  it('names only folders and parts that exist', () => {
    const missing = Object.entries(PARTS).flatMap(([folder, parts]) =>
      Object.keys(parts).filter((p) => !existsSync(join(src, folder, p))).map((p) => `${folder}/${p}`),
    );
    expect(missing).toEqual([]);
  });

  // A folder a newcomer takes in at a glance: past this many files of its own it is split into parts that
  // name themselves (scenario/ into read, schema, checks, manifests, read-back).
  it('no folder of src/ holds more than 30 files of its own', () => {
    const crowded: string[] = [];
    const walk = (dir: string): void => {
      const entries = readdirSync(dir);
      const own = entries.filter((f) => f.endsWith('.ts')).length;
      if (own > 30) crowded.push(`${relative(src, dir) || '.'}: ${own} files`);
      for (const f of entries) if (statSync(join(dir, f)).isDirectory()) walk(join(dir, f));
    };
    walk(src);
    expect(crowded).toEqual([]);
  });

  it('knows every top-level folder of src/', () => {
    const tops = readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory());
    expect(tops.filter((t) => !ORDER.includes(t))).toEqual([]);
  });
});
