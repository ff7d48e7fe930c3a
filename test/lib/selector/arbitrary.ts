// test helper: fast-check generators of selector ASTs (parser normal form), label maps, and random but valid
// selector text for an AST (random spacing, quotes, glued operators, redundant parentheses and `!!`).
import fc from 'fast-check';
import { Prng } from '../../../src/lib/random/prng.js';
import { sortUnique } from '../../../src/lib/selector/canonical.js';
import type { SelectorNode } from '../../../src/lib/selector/types.js';
import type { Labels } from '../../../src/scenario/types.js';

/** Keys include words that are keywords elsewhere: they must still work as labels. */
export const KEYS = ['a', 'b', 'app', 'x.y/z-1_2', 'has', 'all', 'not', 'in', 'contains', 'global'] as const;
/** Values exercise prefixes/suffixes/substrings, the empty string and both quote characters. */
export const VALUES = ['', 'a', 'b', 'ab', 'ba', 'abc', "it's", 'say "hi"', 'x y', 'é'] as const;

const key = fc.constantFrom(...KEYS);
const value = fc.constantFrom(...VALUES);

const leaf: fc.Arbitrary<SelectorNode> = fc.oneof(
  fc.constant<SelectorNode>({ op: 'all' }),
  fc.constant<SelectorNode>({ op: 'global' }),
  key.map((k): SelectorNode => ({ op: 'has', key: k })),
  fc
    .tuple(fc.constantFrom('==', '!=', 'contains', 'starts with', 'ends with' as const), key, value)
    .map(([op, k, v]): SelectorNode => ({ op, key: k, value: v })),
  fc
    .tuple(fc.constantFrom('in', 'not in' as const), key, fc.array(value, { maxLength: 4 }))
    .map(([op, k, vs]): SelectorNode => ({ op, key: k, values: sortUnique(vs) })),
);

/** Selector ASTs as the parser builds them: no `not` directly around `not`, and/or with ≥ 2 args. */
export const selectorNode: fc.Arbitrary<SelectorNode> = fc.letrec<{
  node: SelectorNode;
  not: SelectorNode;
  and: SelectorNode;
  or: SelectorNode;
}>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('not'), tie('and'), tie('or')),
  not: tie('node')
    .filter((n) => n.op !== 'not')
    .map((arg): SelectorNode => ({ op: 'not', arg })),
  and: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((args): SelectorNode => ({ op: 'and', args })),
  or: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((args): SelectorNode => ({ op: 'or', args })),
})).node;

/** A label map over KEYS/VALUES. */
export const labels: fc.Arbitrary<Labels> = fc.dictionary(key, value, { maxKeys: KEYS.length });

/** Valid selector text that parses to `node`, formatted at random from `seed`. */
export function renderRandomly(node: SelectorNode, seed: number): string {
  const rng = new Prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  const ws = (): string => pick(['', '', ' ', '\t', '  ']);
  const ws1 = (): string => pick([' ', '\t', ' \t', '   ']);
  const quoted = (v: string): string => {
    const c = v.includes('"') ? "'" : v.includes("'") ? '"' : pick(['"', "'"]);
    return c + v + c;
  };
  const paren = (s: string): string => `(${ws()}${s}${ws()})`;
  const maybeParen = (s: string): string => (rng.int(4) === 0 ? paren(s) : s);
  const evenNots = (): string => (rng.int(5) === 0 ? `!${ws()}!${ws()}` : '');

  const operand = (n: SelectorNode, mustParen: boolean): string => {
    const s = render(n);
    return evenNots() + (mustParen ? paren(s) : maybeParen(s));
  };
  const render = (n: SelectorNode): string => {
    switch (n.op) {
      case 'all':
      case 'global':
        return `${n.op}(${ws()})`;
      case 'has':
        return `has(${ws()}${n.key}${ws()})`;
      case '==':
      case '!=':
        return `${n.key}${ws()}${n.op}${ws()}${quoted(n.value)}`;
      case 'contains':
        return `${n.key}${ws1()}contains${ws()}${quoted(n.value)}`;
      case 'starts with':
      case 'ends with': {
        const w = n.op === 'starts with' ? 'starts' : 'ends';
        return `${n.key}${ws1()}${w}${pick(['', ' ', '\t', '  '])}with${ws()}${quoted(n.value)}`;
      }
      case 'in':
      case 'not in': {
        const op = n.op === 'in' ? 'in' : `not${pick(['', ' ', '\t '])}in`;
        const items = [...n.values].reverse();
        if (items.length > 0 && rng.int(3) === 0) items.push(items[0] as string);
        const trailing = items.length > 0 && rng.int(3) === 0 ? `${ws()},` : '';
        return `${n.key}${ws1()}${op}${ws()}{${ws()}${items.map(quoted).join(`${ws()},${ws()}`)}${trailing}${ws()}}`;
      }
      case 'not':
        return `!${ws()}${operand(n.arg, n.arg.op === 'and' || n.arg.op === 'or')}`;
      case 'and':
        return n.args.map((a) => operand(a, a.op === 'and' || a.op === 'or')).join(`${ws()}&&${ws()}`);
      case 'or':
        return n.args.map((a) => operand(a, a.op === 'or')).join(`${ws()}||${ws()}`);
    }
  };
  return ws() + maybeParen(render(node)) + ws();
}
