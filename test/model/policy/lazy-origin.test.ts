// A rule's origin looks its position up when first read, not while the policy is parsed: the same fields, in
// the same order (JSON and copies show them as before), with the position the manifest's locator gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftPolicyManifest } from '../../../src/model/policy/convert/draft-policy-manifest.js';
import type { Manifest } from '../../../src/scenario/types.js';
import { policyManifestArb } from '../../arbitraries/policy-manifest.js';
import { toManifest } from '../../arbitraries/to-manifest.js';

/** The manifest with a locator that tells paths apart and counts its calls. */
function counted(m: Manifest): { manifest: Manifest; calls: () => number } {
  let calls = 0;
  const locate = (path: string) => {
    calls++;
    return { file: `at:${path}`, line: path.length, col: 1 };
  };
  return { manifest: { ...m, locate }, calls: () => calls };
}

describe('rule origins', () => {
  it('are located on first read, once, and read as the eager form did', () => {
    let rules = 0;
    fc.assert(
      fc.property(policyManifestArb('p', ['security']), (body) => {
        const { manifest, calls } = counted(toManifest(body));
        const diagnostics: never[] = [];
        const draft = draftPolicyManifest({ manifest, diagnostics });
        if (!draft || diagnostics.length > 0) return;
        expect(calls()).toBe(0);
        for (const r of [...draft.ingress, ...draft.egress]) {
          rules++;
          const { path, src, ...rest } = r.origin;
          expect(src).toEqual({ file: `at:${path}`, line: path.length, col: 1 });
          expect(r.origin.src).toBe(src);
          expect(JSON.stringify(r.origin)).toBe(JSON.stringify({ path, src: { file: `at:${path}`, line: path.length, col: 1 }, ...rest }));
          expect(Object.keys({ ...r.origin })).toEqual(['path', 'src', ...Object.keys(rest)]);
        }
        expect(calls()).toBe(draft.ingress.length + draft.egress.length);
      }),
      { numRuns: 300, seed: 8686 },
    );
    expect(rules).toBeGreaterThan(300);
  });
});
