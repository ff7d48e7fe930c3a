// Every map or list of a scenario replaced by a value of the wrong shape, or deleted, is reported as bad input
// (an InputError), never a crash in a later build step: validation stops the pipeline on an invalid document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { InputError } from '../../src/lib/diagnostics.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { scenarioFile } from './helpers.js';

const base = fileURLToPath(new URL('../fixtures/scenario/every-section.yaml', import.meta.url));
type Json = null | string | number | boolean | Json[] | { [k: string]: Json };
const WRONG: readonly Json[] = [5, 'web', { a: 1 }, ['a']];

/** Paths (keys and indices) of every map or list below the root. */
function containers(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const kids: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return kids.flatMap(([k, x]) => {
    const p = [...at, k];
    return x !== null && typeof x === 'object' ? [p, ...containers(x, p)] : [];
  });
}

/** A copy of `doc` with the value at `path` replaced (or, for `undefined`, the key deleted). */
function edited(doc: Json, path: readonly (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(doc);
  let node = copy as { [k: string | number]: Json };
  for (const k of path.slice(0, -1)) node = node[k] as { [k: string | number]: Json };
  const last = path[path.length - 1] as string | number;
  if (value !== undefined) node[last] = value;
  else if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
  return copy;
}

/** 'ok', 'input-error', or the crash's message. */
function outcome(text: string): string {
  try {
    loadScenario(scenarioFile(text));
    return 'ok';
  } catch (e) {
    return e instanceof InputError ? 'input-error' : `crash: ${String(e)}`;
  }
}

describe('wrong shapes', () => {
  const doc = parse(readFileSync(base, 'utf8')) as Json;

  it('the base scenario loads', () => {
    expect(outcome(readFileSync(base, 'utf8'))).toBe('ok');
  });

  it.each([
    ['namespaces: web', ['tenants', 0, 'namespaces'], 'web'],
    ['workloads: 5', ['tenants', 0, 'workloads'], 5],
    ['services: {a: 1}', ['tenants', 0, 'services'], { a: 1 }],
    ['calico: 5', ['tenants', 0, 'calico'], 5],
    ['peers: peer1', ['tenants', 0, 'calico', 'peers'], 'peer1'],
    ['expect: [a]', ['expect'], ['a']],
    ['tenantSets: [5]', ['tenantSets'], [5]],
    ['a tenant without underlay', ['tenants', 0, 'underlay'], undefined],
    ['an Ingress path without service', ['tenants', 0, 'ingresses', 0, 'paths', 0, 'service'], undefined],
    ['platform without management', ['platform', 'management'], undefined],
    ['a management cluster without underlay', ['platform', 'management', 'underlay'], undefined],
    ['a tenantSet without name', ['tenantSets', 0, 'name'], undefined],
  ] as [string, (string | number)[], Json | undefined][])('%s is reported', (_, path, value) => {
    expect(outcome(stringify(edited(doc, path, value)))).toBe('input-error');
  });

  it('every map and list replaced by a scalar, a map or a list, or deleted, is an input error or valid', () => {
    const crashes: string[] = [];
    // Each path gets one wrong value (rotating through the shapes) and a deletion: seconds, not a minute.
    containers(doc).forEach((path, i) => {
      for (const value of [WRONG[i % WRONG.length], undefined]) {
        const r = outcome(stringify(edited(doc, path, value)));
        if (r.startsWith('crash')) crashes.push(`${path.join('.')} = ${JSON.stringify(value)}: ${r}`);
      }
    });
    expect(crashes).toEqual([]);
  });
});
