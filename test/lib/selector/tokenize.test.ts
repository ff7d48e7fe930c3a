// Known answers for the selector tokenizer (libcalico-go selector/tokenizer/tokenizer_test.go).
import { describe, expect, it } from 'vitest';
import { isValidLabelKey } from '../../../src/lib/selector/label-key.js';
import { tokenize } from '../../../src/lib/selector/tokenize.js';

const kinds = (s: string): string[] => tokenize(s).map((t) => (t.value ? `${t.kind}:${t.value}` : t.kind));

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['a=="b"', ['label:a', '==', 'string:b', 'eof']],
    ['a!="b"', ['label:a', '!=', 'string:b', 'eof']],
    ['(a=="b")', ['(', 'label:a', '==', 'string:b', ')', 'eof']],
    ['contains contains "contains"', ['label:contains', 'contains', 'string:contains', 'eof']],
    ["label contains'value'", ['label:label', 'contains', 'string:value', 'eof']],
    ['startswith starts with "v"', ['label:startswith', 'starts with', 'string:v', 'eof']],
    ['endswith ends  with "v"', ['label:endswith', 'ends with', 'string:v', 'eof']],
    ['label startswith "v"', ['label:label', 'starts with', 'string:v', 'eof']],
    [
      'a not in "bar" && !has(foo) || b in c',
      ['label:a', 'not in', 'string:bar', '&&', '!', 'has:foo', '||', 'label:b', 'in', 'label:c', 'eof'],
    ],
    [
      'a  not  in  "bar"  &&  ! has( foo )  ||  b  in  c ',
      ['label:a', 'not in', 'string:bar', '&&', '!', 'has:foo', '||', 'label:b', 'in', 'label:c', 'eof'],
    ],
    ['a notin"bar"&&!has(foo)||b in"c"', ['label:a', 'not in', 'string:bar', '&&', '!', 'has:foo', '||', 'label:b', 'in', 'string:c', 'eof']],
    ['a not in {"a","B"}', ['label:a', 'not in', '{', 'string:a', ',', 'string:B', '}', 'eof']],
    ['has(calico/k8s_NS-.1/role)', ['has:calico/k8s_NS-.1/role', 'eof']],
    ['global( )', ['global', 'eof']],
    ['all()', ['all', 'eof']],
    ['a == "x\'y" && b == \'p"q\'', ['label:a', '==', `string:x'y`, '&&', 'label:b', '==', 'string:p"q', 'eof']],
    ['has == "x"', ['label:has', '==', 'string:x', 'eof']],
    ['', ['eof']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(kinds(input)).toEqual(expected));
  }
  it('keeps offsets of tokens', () => {
    expect(tokenize(' a  ==\t"b"').map((t) => t.pos)).toEqual([1, 4, 7, 10]);
  });
  it('accepts 512-character labels and rejects 513', () => {
    expect(kinds(`${'a'.repeat(512)} == "v"`)[0]).toBe(`label:${'a'.repeat(512)}`);
    expect(() => tokenize(`${'a'.repeat(513)} == "v"`)).toThrow(/longer than 512/);
  });
});

describe('isValidLabelKey', () => {
  it('accepts Calico identifiers', () => {
    for (const k of ['a', 'app.kubernetes.io/name', 'calico/k8s_NS-.1/role', '-', '0', 'a'.repeat(512)]) {
      expect(isValidLabelKey(k), k).toBe(true);
    }
  });
  it('rejects anything else', () => {
    for (const k of ['', 'a:b', 'a b', 'é', 'a\n', 'a'.repeat(513), '"a"']) expect(isValidLabelKey(k), k).toBe(false);
  });
});
