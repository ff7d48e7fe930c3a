// compile: a selector AST into the bitset of the LabelIndex members it selects, bottom-up with word-wide
// operations and memoised per index by canonical sub-selector text (policies repeat selectors).
import { andInPlace, createBitset, isEmpty, notInto, orInPlace, setIndices } from '../../lib/containers/bitset.js';
import { canonicalString } from '../../lib/selector/canonical.js';
import type { SelectorNode } from '../../lib/selector/types.js';
import type { LabelIndex } from './label-index.js';

const memos = new WeakMap<LabelIndex, Map<string, Int32Array>>();

/** The members of `index` that `node` selects, as a fresh bitset of index.size bits (caller may mutate). */
export function compileSelector(node: SelectorNode, index: LabelIndex): Int32Array {
  let memo = memos.get(index);
  if (memo === undefined) memos.set(index, (memo = new Map()));
  return compileShared(node, index, memo).slice();
}

/** Memoised result; shared between callers, never mutated. */
function compileShared(node: SelectorNode, index: LabelIndex, memo: Map<string, Int32Array>): Int32Array {
  const key = canonicalString(node);
  let bits = memo.get(key);
  if (bits === undefined) {
    bits = compileNode(node, index, memo);
    memo.set(key, bits);
  }
  return bits;
}

function compileNode(node: SelectorNode, index: LabelIndex, memo: Map<string, Int32Array>): Int32Array {
  switch (node.op) {
    case 'all':
    case 'global':
      return index.all;
    case 'has':
      return index.membersWithKey(node.key) ?? index.none;
    case '==':
      return valueSet(index, node.key, [node.value]);
    case '!=':
      // Members lacking the key match `!=` (Calico's missing-label rule), so a plain complement is right.
      return complement(valueSet(index, node.key, [node.value]), index);
    case 'in':
      return valueSet(index, node.key, node.values);
    case 'not in':
      return complement(valueSet(index, node.key, node.values), index);
    case 'contains':
    case 'starts with':
    case 'ends with':
      return valuesMatching(index, node.key, node.op, node.value);
    case 'not':
      return complement(compileShared(node.arg, index, memo), index);
    case 'and': {
      const out = compileShared(node.args[0] as SelectorNode, index, memo).slice();
      for (let i = 1; i < node.args.length && !isEmpty(out); i++) {
        andInPlace(out, compileShared(node.args[i] as SelectorNode, index, memo));
      }
      return out;
    }
    case 'or': {
      const out = compileShared(node.args[0] as SelectorNode, index, memo).slice();
      for (let i = 1; i < node.args.length; i++) {
        orInPlace(out, compileShared(node.args[i] as SelectorNode, index, memo));
      }
      return out;
    }
  }
}

function complement(bits: Int32Array, index: LabelIndex): Int32Array {
  const out = createBitset(index.size);
  notInto(out, bits, index.size);
  return out;
}

/** Members whose `key` has one of `values`. */
function valueSet(index: LabelIndex, key: string, values: readonly string[]): Int32Array {
  const out = createBitset(index.size);
  for (const v of values) {
    const members = index.membersWithValue(key, v);
    if (members !== undefined) setIndices(out, members);
  }
  return out;
}

/** Members whose `key` value contains / starts with / ends with `s` (one test per distinct value). */
function valuesMatching(
  index: LabelIndex,
  key: string,
  op: 'contains' | 'starts with' | 'ends with',
  s: string,
): Int32Array {
  const out = createBitset(index.size);
  const byValue = index.valuesOf(key);
  if (byValue === undefined) return out;
  for (const [value, members] of byValue) {
    const hit = op === 'contains' ? value.includes(s) : op === 'starts with' ? value.startsWith(s) : value.endsWith(s);
    if (hit) setIndices(out, members);
  }
  return out;
}
