// The pipeline is one-way: a stage imports only earlier stages and src/lib (ARCHITECTURE.md). This test
// parses every import in src/ and fails on a backward edge.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const ORDER = ['lib', 'scenario', 'model', 'compile', 'engine', 'verdict', 'plan', 'emit', 'cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function stageOf(file: string): number {
  const top = relative(src, file).split(/[\\/]/)[0] as string;
  return top.endsWith('.ts') ? ORDER.length : ORDER.indexOf(top);
}

describe('architecture', () => {
  it('every stage imports only earlier stages and src/lib', () => {
    const backward: string[] = [];
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1] as string);
        const from = stageOf(file);
        const to = stageOf(target);
        if (to > from) backward.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(backward).toEqual([]);
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
