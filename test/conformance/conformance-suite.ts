// test helper: the netpol-analyzer conformance suite — each example folder's connectivity list computed with
// calisim's reference evaluator and compared with netpol-analyzer's expected `<example>_connlist_output.txt`;
// examples that differ on purpose must be listed (with the reason) in netpol-analyzer-differences.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './netpol-analyzer-run.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The corpus: $CALISIM_NETPOL_CORPUS, else ../shared/conformance/netpol-analyzer beside the repository. */
export const CORPUS = process.env['CALISIM_NETPOL_CORPUS'] ?? resolve(HERE, '../../../shared/conformance/netpol-analyzer');

export interface Difference {
  readonly example: string;
  readonly category: string;
}

/** The documented differences: table rows `| \`example\` | category | reason |`. */
export function documentedDifferences(): Map<string, Difference> {
  const text = readFileSync(join(HERE, 'netpol-analyzer-differences.md'), 'utf8');
  const out = new Map<string, Difference>();
  for (const m of text.matchAll(/^\| `([^`]+)` \| ([a-z-]+) \|/gm)) out.set(m[1] as string, { example: m[1] as string, category: m[2] as string });
  return out;
}

/** Example names that have a plain expected connlist output and an input folder. */
export function examples(): string[] {
  const dir = join(CORPUS, 'test_outputs', 'connlist');
  return readdirSync(dir)
    .filter((f) => f.endsWith('_connlist_output.txt') && !f.includes('_focus_workload_') && !/_(tcp|udp|sctp)-\d+_connlist_output\.txt$/.test(f))
    .map((f) => f.replace(/_connlist_output\.txt$/, ''))
    .filter((ex) => existsSync(join(CORPUS, 'tests', ex)))
    .sort();
}

/** netpol-analyzer's lines minus Ingress/Route analysis (`{ingress-controller}`), which calisim leaves to its routing model. */
export function expectedLines(example: string): string[] {
  const text = readFileSync(join(CORPUS, 'test_outputs', 'connlist', `${example}_connlist_output.txt`), 'utf8');
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '' && !l.startsWith('{ingress-controller}'));
}

/** The suite for the examples `pick` selects; `recheck` re-runs hostnetwork examples with hostNetwork ignored. */
export function conformanceSuite(name: string, pick: (example: string) => boolean, recheck = true): void {
  if (!existsSync(CORPUS)) {
    // Under CI a missing corpus fails; elsewhere the test is skipped, its name saying why.
    it.skipIf(!process.env['CI'])(`needs the netpol-analyzer corpus (not found at ${CORPUS}; set CALISIM_NETPOL_CORPUS)`, () => expect.fail(`corpus not found at ${CORPUS}`));
    return;
  }
  const differences = documentedDifferences();
  const chosen = examples().filter(pick);
  let agree = 0;
  describe(name, () => {
    afterAll(() => {
      console.log(`netpol-analyzer conformance (${name}): ${agree} of ${chosen.length} examples agree`);
    });
    for (const ex of chosen) {
      it(ex, () => {
        const r = runExample(join(CORPUS, 'tests', ex));
        const actual = 'error' in r ? [`error: ${r.error}`] : r.text.split('\n').filter((l) => l !== '');
        const expected = expectedLines(ex);
        const same = actual.length === expected.length && actual.every((l, i) => l === expected[i]);
        if (same) agree++;
        const documented = differences.get(ex);
        if (!documented) expect(actual).toEqual(expected);
        else expect(same, `${ex} is listed as a difference (${documented.category}) but now agrees: remove it from the list`).toBe(false);
        if (recheck && documented?.category === 'hostnetwork') {
          // The documented reason is the only one: with hostNetwork ignored the lists agree.
          const again = runExample(join(CORPUS, 'tests', ex), { ignoreHostNetwork: true });
          expect('error' in again ? [] : again.text.split('\n').filter((l) => l !== '')).toEqual(expected);
        }
      }, 60_000);
    }
  });
}
