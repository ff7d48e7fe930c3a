// Fuzzing: the example scenario and a manifest folder, mutated line by line (delete, duplicate, re-indent,
// swap; scalars replaced, keys misspelt, shapes changed), through every command that reads input, in process.
// Each answer is exit 0, 1 or 2, never an internal error or a stack trace, within a time bound; validate and
// run agree on validity. Inputs that once failed are kept in test/fixtures/fuzz/ and replayed.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runMain, type MainResult } from './run-main.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SCENARIO = readFileSync(join(fixtures, 'scenario/every-section.yaml'), 'utf8');
const FOLDER = join(fixtures, 'scenario/manifests');
const work = mkdtempSync(join(tmpdir(), 'calisim-fuzz-'));
/** Seconds one command may take on a busy 2-core machine. */
const TIME_BOUND_MS = 15_000;

type Mutation = (lines: string[], at: number, pick: number) => string[];
const SCALARS = ['5', 'web', '{a: 1}', '[a]', '""', 'null', '-1', '99999999999', 'true', '1.5', '"{i}"', '"((a"'];

const mutations: Mutation[] = [
  (l, at) => l.filter((_, i) => i !== at),
  (l, at) => [...l.slice(0, at + 1), l[at] ?? '', ...l.slice(at + 1)],
  (l, at) => l.map((x, i) => (i === at ? `  ${x}` : x)),
  (l, at) => l.map((x, i) => (i === at ? x.replace(/^ {2}/, '') : x)),
  (l, at) => (at + 1 < l.length ? [...l.slice(0, at), l[at + 1] ?? '', l[at] ?? '', ...l.slice(at + 2)] : l),
  (l, at, pick) => l.map((x, i) => (i === at ? x.replace(/(:\s+)([^\s{[][^,}\]]*)/, `$1${SCALARS[pick % SCALARS.length] ?? ''}`) : x)),
  (l, at) => l.map((x, i) => (i === at ? x.replace(/([A-Za-z])([A-Za-z])(\w*):/, '$2$1$3:') : x)),
  (l, at) => l.map((x, i) => (i === at ? x.replace(/(:\s+)(\S.*)$/, '$1[$2]') : x)),
  (l, at) => l.map((x, i) => (i === at ? x.replace(/(:\s+)(\S.*)$/, '$1{ v: $2 }') : x)),
];

const edit = fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 });

function mutate(text: string, edits: readonly [number, number, number][]): string {
  let lines = text.split('\n');
  for (const [m, at, pick] of edits) lines = (mutations[m] as Mutation)(lines, at % Math.max(1, lines.length), pick);
  return lines.join('\n');
}

async function timed(args: readonly string[]): Promise<MainResult> {
  const t0 = performance.now();
  const r = await runMain(args);
  const ms = performance.now() - t0;
  const what = `calisim ${args.join(' ')}`;
  expect([0, 1, 2], `${what}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, what).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
  expect(ms, what).toBeLessThan(TIME_BOUND_MS);
  return r;
}

/** Every command that reads `input` (a scenario file or a folder); validate and run must agree. */
async function everyCommand(input: string, n: number): Promise<void> {
  const validate = await timed(['validate', input]);
  const run = await timed(['run', input, '--quiet', '--out', join(work, `out-${n}`)]);
  expect(run.code === 2, `validate ${validate.code} but run ${run.code} on ${input}\n${validate.stderr}\n${run.stderr}`).toBe(validate.code === 2);
  // The other readers take turns (each costs a load and a simulation).
  const others = [
    ['check', input, '--format', 'json'],
    ['reach', input, '--matrix'],
    ['manifests', input, '-o', join(work, `m-${n}`), '--quiet', '--force'],
    ['routes', input, '--format', 'json'],
    ['bgp', input],
    ['select', 'all()', input],
  ];
  await timed(others[n % others.length] as string[]);
}

describe('fuzzing', () => {
  it('mutated example scenarios: every command answers 0, 1 or 2 in time, validate and run agree', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(edit, async (edits) => {
        const file = join(work, `scenario-${n}.yaml`);
        writeFileSync(file, mutate(SCENARIO, edits));
        await everyCommand(file, n++);
      }),
      { seed: 20261206, numRuns: 12, endOnFailure: true },
    );
  }, 120_000);

  it('mutated manifest folders likewise', async () => {
    const files = readdirSync(FOLDER, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    let n = 100;
    await fc.assert(
      fc.asyncProperty(fc.nat(files.length - 1), edit, async (which, edits) => {
        const dir = join(work, `folder-${n}`);
        cpSync(FOLDER, dir, { recursive: true });
        const target = join(dir, (files[which] as string).slice(FOLDER.length + 1));
        writeFileSync(target, mutate(readFileSync(target, 'utf8'), edits));
        await everyCommand(dir, n++);
      }),
      { seed: 20261207, numRuns: 8, endOnFailure: true },
    );
  }, 120_000);

  it.each(readdirSync(join(fixtures, 'fuzz')).filter((f) => !f.endsWith('.md')))('regression input %s', async (name) => {
    const file = join(fixtures, 'fuzz', name);
    const r = await timed(['validate', file]);
    expect(r.code).toBe(2);
    await timed(['run', file, '--quiet', '--out', join(work, `r-${name}`)]);
  });
});
