// Known answers for the selector parser, evaluator and canonical form, written from the behaviour
// documented in libcalico-go selector/parser/parser_test.go (selectorTests, badSelectors, canonicalisation).
import { describe, expect, it } from 'vitest';
import { parseSelector, parseSelectorNode } from '../../../src/lib/selector/parse.js';
import { SelectorParseError } from '../../../src/lib/selector/types.js';
import type { Labels } from '../../../src/scenario/types.js';

/** [selector, labels that match, labels that do not]. */
const evaluation: [string, Labels[], Labels[]][] = [
  ['a == "b"', [{ a: 'b' }, { a: 'b', c: 'd' }], [{}, { a: 'c' }, { c: 'd' }]],
  ['a == "b" && c == "d"', [{ a: 'b', c: 'd' }], [{}, { a: 'b', c: 'e' }, { a: 'c', c: 'd' }, { c: 'd' }, { a: 'b' }]],
  ['a == "b" || c == "d"', [{ a: 'b', c: 'd' }, { a: 'b' }, { c: 'd' }], [{}, { a: 'e', c: 'e' }, { c: 'e' }, { a: 'e' }]],
  [`a in {"'", '"', "c"}`, [{ a: 'c' }, { a: '"' }, { a: "'" }], [{}, { a: 'e' }]],
  [`a not in {"'", '"', "c"}`, [{}, { a: 'e' }], [{ a: 'c' }, { a: '"' }, { a: "'" }]],
  ["a == 'a'", [{ a: 'a' }], [{ a: 'b' }, {}]],
  ['a != "b"', [{ a: 'a' }], []],
  ['a != "a"', [{}], [{ a: 'a' }]],
  ['a contains "a"', [{ a: 'a' }, { a: 'bab' }, { a: 'aaa', b: 'c' }], [{}, { a: 'b' }, { b: 'aaa' }]],
  ['a starts with "a"', [{ a: 'a' }, { a: 'abb' }, { a: 'aaa', b: 'c' }], [{}, { a: 'b' }, { a: 'baa' }, { b: 'aaa' }]],
  ['a ends with "a"', [{ a: 'a' }, { a: 'bba' }, { a: 'aaa', b: 'c' }], [{}, { a: 'b' }, { a: 'aab' }, { b: 'aaa' }]],
  ['a contains ""', [{ a: '' }, { a: 'x' }], [{}]],
  ['a in {"a"}', [{ a: 'a' }], [{ a: 'b' }]],
  ['!a in {"a"}', [{ a: 'b' }, {}], [{ a: 'a' }]],
  ['a in {"a", "b"}', [{ a: 'a' }, { a: 'b' }], [{ a: 'c' }]],
  ['a not in {"d", "e"}', [{ a: 'a' }], [{ a: 'd' }]],
  ['a not in {"a"}', [], [{ a: 'a' }]],
  ['a in {}', [], [{}, { a: '' }]],
  ['a not in {}', [{}, { a: '' }], []],
  ['has(a)', [{ a: 'b' }, { a: '' }], [{ b: 'b' }]],
  ['!has(a)', [{ b: 'b' }], [{ a: 'b' }]],
  ['', [{}, { a: 'b' }], []],
  [' ', [{}], []],
  [' all()', [{}, { a: 'b' }], []],
  [' global()', [{}, { a: 'b' }], []],
  ['has(b)', [], [{ a: 'b' }]],
  ['!!has(b)', [], [{ a: 'b' }]],
  ['! has(a)', [], [{ a: 'b' }]],
  ['!!! has(a)', [], [{ a: 'b' }]],
  ['!! ! has(a)', [], [{ a: 'b' }]],
  ['! !!has(a)', [], [{ a: 'b' }]],
  ["a == 'a1' && b == 'b1'", [{ a: 'a1', b: 'b1' }], []],
  ["a == 'a1' && b != 'b1'", [], [{ a: 'a1', b: 'b1' }]],
  ["a != 'a1' && !b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
  ["!a == 'a1' && b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
  ['has(a) && !has(b)', [{ a: 'a' }], [{ a: 'a', b: '' }]],
  ['!(!has(a) || has(b))', [{ a: 'a' }], [{ b: 'b' }]],
  ["a == 'a1' || b != 'b1'", [{ a: 'a1', b: 'b1' }], []],
  ["a != 'a1' || b != 'b1'", [], [{ a: 'a1', b: 'b1' }]],
  ["! a == 'a1' || ! b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
  // Keywords are labels where a label is expected; the own-property lookup ignores Object.prototype.
  ['not in {"x"}', [{ not: 'x' }], [{ not: 'y' }, {}]],
  ['contains contains "contains"', [{ contains: 'xcontainsx' }], [{}]],
  ['has(constructor) || toString == "x"', [{ constructor: '' }, { toString: 'x' }], [{}]],
  ['a notin{"x"}&&b startswith"p"&&c endswith"s"', [{ b: 'pq', c: 'rs' }], [{ a: 'x', b: 'pq', c: 'rs' }]],
  ['calico/k8s_NS-.1/role == "x"', [{ 'calico/k8s_NS-.1/role': 'x' }], [{ 'calico/k8s_ns-.1/role': 'x' }]],
];

describe('selector evaluation (parser_test.go selectorTests)', () => {
  for (const [sel, yes, no] of evaluation) {
    it(JSON.stringify(sel), () => {
      const s = parseSelector(sel);
      const again = parseSelector(s.toString());
      for (const l of yes) expect([s.matches(l), again.matches(l)], JSON.stringify(l)).toEqual([true, true]);
      for (const l of no) expect([s.matches(l), again.matches(l)], JSON.stringify(l)).toEqual([false, false]);
    });
  }
});

/** [selector, 1-based column of the offending character]. */
const invalid: [string, number][] = [
  ['b == b', 6], // label on the right
  ['b contains b', 12],
  ['b starts with b', 3], // "starts with" needs a word boundary after the last word (tokenizer)
  ['b ends with b', 3],
  ["'b1' == b", 1], // literal on the left
  ['b', 2], // bare label
  ['a b', 3],
  ['!', 2],
  ['foo == "bar" &', 14],
  ['foo == "bar" |', 14],
  ['foo != ||', 8],
  ['foo in {"", ||', 13],
  ['foo in ""', 8], // set literal expected
  ['"FOO', 1], // unterminated strings
  [`"FOO'`, 1],
  ["'FOO", 1],
  ['(', 2],
  ['(a == "foo"', 12],
  [')', 1],
  ['()', 2],
  ['%', 1],
  ['a == "b" && %', 13],
  ['a == "b" || %', 13],
  ['a ', 3],
  ['has(foo) &&', 12],
  // Lexical rules (tokenizer_test.go and the dossier §1.1).
  ['has (a)', 5],
  ['all ()', 5],
  ['all(', 5],
  ['global(x)', 8],
  ['has()', 5],
  ['has(foo', 8],
  ['has( foo ', 10],
  ['label = "value"', 7],
  ['label inf "value"', 7],
  ['label ends withs "value"', 7],
  ['label squiggles "value"', 7],
  ['label containsX "v"', 7],
  ['a IN {"x"}', 3], // operators are lower case only
  ['a == "b"\n', 9], // newline is not whitespace
  ['a == "b" \r', 10],
  ['\u00e9 == "x"', 1],
  ['a:b == "x"', 2],
  [`${'a'.repeat(513)} == "x"`, 513],
  [`has(${'a'.repeat(513)})`, 517],
  ['has(a) has(b)', 8], // trailing tokens
  ['(a == "b"))', 11],
  ['a == "b" c', 10],
  ['a in {"x" "y"}', 11],
  ['a in {,}', 7],
  ['a in {"x",,}', 11],
  ['a in {b}', 7],
  ['a == "b" && && c == "d"', 13],
];

describe('invalid selectors (parser_test.go badSelectors and lexical rules)', () => {
  for (const [sel, col] of invalid) {
    it(`${JSON.stringify(sel.length > 40 ? sel.slice(0, 20) + '…' : sel)} fails at column ${col}`, () => {
      let err: unknown;
      try {
        parseSelectorNode(sel);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SelectorParseError);
      const e = err as SelectorParseError;
      expect(e.col).toBe(col);
      expect(e.selector).toBe(sel);
      expect(e.reason.length).toBeGreaterThan(0);
      expect(() => parseSelector(sel)).toThrow(SelectorParseError);
    });
  }
  it('accepts a 512-character label', () => {
    expect(parseSelector(`has(${'a'.repeat(512)})`).toString()).toBe(`has(${'a'.repeat(512)})`);
  });
});

const canonical: [string, string][] = [
  ['', 'all()'],
  [' all() ', 'all()'],
  [' (all() )', 'all()'],
  ['! (has( b)||! has(a ))', '!(has(b) || !has(a))'],
  ['! (a == "b"&&! c != "d")', '!(a == "b" && !c != "d")'],
  [`a == "'"`, `a == "'"`],
  [`a == '"'`, `a == '"'`],
  [`a contains '"'`, `a contains '"'`],
  [`a contains "'"`, `a contains "'"`],
  [`a startswith '"'`, `a starts with '"'`],
  [`a endswith "'"`, `a ends with "'"`],
  [`a!='"'`, `a != '"'`],
  ['a in {"d"}', 'a in {"d"}'],
  ['a in {"d", "a", "b"}', 'a in {"a", "b", "d"}'],
  ['a in {"z", "z", "x", "y", "x", "a"}', 'a in {"a", "x", "y", "z"}'],
  ['a in {"a",}', 'a in {"a"}'],
  ['a not  in{ }', 'a not in {}'],
  ["a in {'B', 'a', '_', 'Z'}", 'a in {"B", "Z", "_", "a"}'], // byte order: upper case before '_' before lower
  ["k == 'v' && x == 'y'", '(k == "v" && x == "y")'],
  ["k == 'v' || has(x)", '(k == "v" || has(x))'],
  ["!(k == 'v')", '!k == "v"'],
  ['a == "1" && b == "2" || c == "3"', '((a == "1" && b == "2") || c == "3")'],
  ['a == "1" && (b == "2" && c == "3")', '(a == "1" && (b == "2" && c == "3"))'],
  ["!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))", '!(!((k == "v" && has(t)) || all()) && a in {"b", "c"})'],
  // Not collapsed across parentheses (parity only for a run of `!`): Calico prints `!!`.
  ['!(!has(a))', '!!has(a)'],
  ['!!!has(a)', '!has(a)'],
  ['\tglobal( )\t', 'global()'],
];

describe('canonical form (parser_test.go canonicalisationTests)', () => {
  for (const [input, expected] of canonical) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      expect(parseSelector(input).toString()).toBe(expected);
      expect(String(parseSelector(input))).toBe(expected);
    });
  }
  it('memoises: the same text gives the same object', () => {
    expect(parseSelector('a == "memo"')).toBe(parseSelector('a == "memo"'));
  });
});
