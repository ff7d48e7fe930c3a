// model: parsePolicyManifests memoised on the manifest objects themselves — validation, the diagnostics of a
// run's clusters and each full model build read the same manifests, and parse them once between them.
import type { Manifest } from '../../scenario/types.js';
import { parsePolicyManifests, type ParsedPolicies } from './parse-policy-manifests.js';

interface Entry {
  readonly manifests: readonly Manifest[];
  readonly parsed: ParsedPolicies;
}

/** Parses of lists starting with a given manifest, newest last (a list is found by its elements' identity). */
const byFirst = new WeakMap<Manifest, Entry[]>();
/** Lists kept per first manifest: a timeline's policy changes make new lists; the old ones fall out. */
const KEPT = 8;

/** parsePolicyManifests(manifests), computed once for the same manifest objects in the same order. */
export function parsedPolicies(manifests: readonly Manifest[]): ParsedPolicies {
  const first = manifests[0];
  if (first === undefined) return parsePolicyManifests(manifests);
  let entries = byFirst.get(first);
  if (!entries) byFirst.set(first, (entries = []));
  const hit = entries.find((e) => sameList(e.manifests, manifests));
  if (hit) return hit.parsed;
  const parsed = parsePolicyManifests(manifests);
  entries.push({ manifests: [...manifests], parsed });
  if (entries.length > KEPT) entries.shift();
  return parsed;
}

function sameList(a: readonly Manifest[], b: readonly Manifest[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
