// Test helper: generated YAML texts for comparing the two YAML readers — block and flow maps and sequences,
// every scalar style, numbers, booleans, nulls, strings that look like numbers, comments, blank lines, several
// documents, unicode, CRLF — and the same texts with a few characters inserted or deleted, to reach the edges
// where one library refuses what the other accepts.
import fc from 'fast-check';

type Tree = { t: 'plain' | 'single' | 'double' | 'block'; s: string; head?: string } | { t: 'empty' } | { t: 'map' | 'fmap'; e: [string, Tree][] } | { t: 'seq' | 'fseq'; e: Tree[] };

/** Plain words: strings, core-schema numbers, booleans and nulls, YAML 1.1 look-alikes, overflow, placeholders. */
const WORDS = [
  'a', 'web', 'x y', 'true', 'False', 'TRUE', 'yes', 'No', 'on', 'null', 'Null', 'NULL', '~', '0', '-0', '+1', '007', '08',
  '0o17', '0O17', '0x1F', '0xG', '0b101', '1e3', '1E-2', '+1e+3', '.5', '-.5', '5.', '1.10', '1.0', '.inf', '-.Inf', '+.INF',
  '.nan', '.NaN', 'nan', 'Infinity', '12345678901234567890', '9007199254740993', '1e400', '-1e400', '1_000', '1:20',
  '10.0.0.0/16', '192.168.1.1', 'héllo wörld', '日本語', '😀 x', 'x:y', 'a#b', 'a -b', '-x', 'i+1', 'tenant', 'acme-{i}',
  'http://a.b/c?d=e&f', '<<', '__proto__', '=', 'a\u00a0b', '---x', '...x',
];
const KEYS = ['a', 'b', 'name', 'kind', '1', 'true', 'null', '~', '1.0', '0x10', 'x y', 'héllo', '<<', 'i', 'tenant', 'i+1', '-1', '.inf'];
const QUOTED = ['', 'a', 'x y', "it's", 'say "hi"', 'back\\slash', 'tab\there', 'line\nbreak', 'é 😀', '#', ': x', '123', 'null', '  pad  '];
const NUMERIC_CHARS = fc.constantFrom(...'0123456789+-._eExXoOabcfinINF'.split(''));

const plainArb = fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: NUMERIC_CHARS, minLength: 1, maxLength: 8 }));

function singleQuoted(s: string): string {
  return `'${s.replaceAll("'", "''").replaceAll('\n', '\n\n')}'`;
}

function doubleQuoted(s: string, escapes: number): string {
  const body = JSON.stringify(s).slice(1, -1);
  return `"${[body, '\\x41', '\\u00e9', '\\U0001F600', '\\/', '\\ ', '\\_', '\\0', '\\e', '\\N'][escapes % 10] ?? body}"`;
}

const scalarArb: fc.Arbitrary<Tree> = fc.oneof(
  { weight: 6, arbitrary: plainArb.map((s): Tree => ({ t: 'plain', s })) },
  { weight: 2, arbitrary: fc.constantFrom(...QUOTED).map((s): Tree => ({ t: 'single', s: singleQuoted(s) })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...QUOTED), fc.nat(30)).map(([s, k]): Tree => ({ t: 'double', s: doubleQuoted(s, k) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '>1-'), fc.array(fc.constantFrom('line', '  more', '', 'x: y', '# not a comment', 'é'), { minLength: 0, maxLength: 4 }))
      .map(([head, lines]): Tree => ({ t: 'block', head, s: lines.join('\n') })),
  },
  { weight: 1, arbitrary: fc.constant<Tree>({ t: 'empty' }) },
);

const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTED.filter((q) => !q.includes('\n'))).map((s) => (s.length % 2 === 0 ? singleQuoted(s) : JSON.stringify(s))) },
);

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalarArb },
    { weight: 2, arbitrary: fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 4 }).map((e): Tree => ({ t: 'map', e })) },
    { weight: 2, arbitrary: fc.array(tie('tree'), { maxLength: 4 }).map((e): Tree => ({ t: 'seq', e })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(keyArb, scalarArb.filter((x) => x.t !== 'block')), { maxLength: 3 }).map((e): Tree => ({ t: 'fmap', e })) },
    { weight: 1, arbitrary: fc.array(scalarArb.filter((x) => x.t !== 'empty' && x.t !== 'block'), { maxLength: 3 }).map((e): Tree => ({ t: 'fseq', e })) },
  ),
})).tree;

/** Choices made while rendering: spacing, comments, indentation, taken in turn from a generated list. */
class Choices {
  private i = 0;
  constructor(private readonly picks: readonly number[]) {}
  next(n: number): number {
    const v = this.picks.length === 0 ? 0 : (this.picks[this.i++ % this.picks.length] as number);
    return v % n;
  }
}

function inline(v: Tree, c: Choices): string {
  switch (v.t) {
    case 'plain':
    case 'single':
    case 'double':
      return v.s;
    case 'empty':
      return '';
    case 'fmap':
      return flow('{', '}', v.e.map(([k, x]) => (x.t === 'empty' && c.next(2) === 0 ? k : `${k}: ${inline(x, c)}`)), c);
    case 'fseq':
      return flow('[', ']', v.e.map((x) => inline(x, c)), c);
    default:
      return '';
  }
}

function flow(open: string, close: string, items: string[], c: Choices): string {
  const pad = c.next(3) === 0 ? ' ' : '';
  const trailing = items.length > 0 && c.next(4) === 0 ? ',' : '';
  return `${open}${pad}${items.join(c.next(3) === 0 ? ' , ' : ', ')}${trailing}${pad}${close}`;
}

function comment(c: Choices): string {
  return c.next(4) === 0 ? ' # note: | > {x}' : '';
}

/** Lines of `v` as the value after `prefix` (a key with its colon, a `- `, or nothing) at `indent`. */
function render(v: Tree, indent: number, prefix: string, c: Choices, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (v.t === 'block') {
    out.push(`${pad}${prefix}${prefix === '' ? '' : ' '}${v.head ?? '|'}${comment(c)}`);
    for (const l of v.s.split('\n')) out.push(l === '' ? '' : `${pad}  ${l}`);
    return;
  }
  if ((v.t === 'map' || v.t === 'seq') && v.e.length > 0) {
    if (prefix === '-' && c.next(2) === 0) {
      // Compact: `- a: 1` / `- - x`, the collection's first line after the dash.
      const lines: string[] = [];
      render(v, indent + 2, '', c, lines);
      out.push(`${pad}- ${(lines[0] as string).slice(indent + 2)}`, ...lines.slice(1));
      return;
    }
    if (prefix !== '') out.push(`${pad}${prefix}${comment(c)}`);
    const inner = prefix === '' ? indent : indent + (v.t === 'seq' && c.next(2) === 0 ? 0 : 2);
    if (v.t === 'map') for (const [k, x] of v.e) render(x, inner, `${k}:`, c, out);
    else if (v.t === 'seq') for (const x of v.e) render(x, inner, '-', c, out);
    if (c.next(5) === 0) out.push(c.next(2) === 0 ? '' : `${' '.repeat(c.next(6))}# own line`);
    return;
  }
  const items = v.t === 'fmap' ? v.e.map(([k, x]) => `${k}: ${inline(x, c)}`) : v.t === 'fseq' ? v.e.map((x) => inline(x, c)) : [];
  if (items.length > 0 && c.next(3) === 0) {
    // A flow collection over several lines, its items and closing bracket at chosen indents.
    out.push(`${pad}${prefix}${prefix === '' ? '' : ' '}${v.t === 'fmap' ? '{' : '['}`);
    for (const item of items) out.push(`${' '.repeat(indent + c.next(4))}${item},`);
    out.push(`${' '.repeat(indent + c.next(4))}${v.t === 'fmap' ? '}' : ']'}`);
    return;
  }
  const text = v.t === 'map' ? '{}' : v.t === 'seq' ? '[]' : inline(v, c);
  const gap = text === '' ? (c.next(3) === 0 ? ' ' : '') : ' ';
  out.push(`${pad}${prefix}${prefix === '' ? '' : gap}${text}${text === '' ? '' : comment(c)}`);
}

/** One to three documents as text, CRLF-terminated in some runs. */
export const yamlTextArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(treeArb, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 24 }), fc.boolean())
  .map(([docs, picks, crlf]) => {
    const c = new Choices(picks);
    const lines: string[] = [];
    docs.forEach((d, i) => {
      if (i > 0 || c.next(3) === 0) lines.push(c.next(4) === 0 ? '--- # doc' : '---');
      render(d, 0, '', c, lines);
      if (c.next(6) === 0) lines.push('...');
    });
    const text = `${lines.join('\n')}\n`;
    return crlf && c.next(3) === 0 ? text.replaceAll('\n', '\r\n') : text;
  });

const EDITS = [' ', '\n', ':', ': ', '- ', '#', ' #', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '!!str ', '? ', '|', '>', '\t', '\r', '%', '@', '`', '\\', '---\n', '<<: ', '\u2028', '\ufeff'];

/** A generated text with up to three characters or tokens inserted or deleted at random places. */
export const editedYamlTextArb: fc.Arbitrary<string> = fc
  .tuple(yamlTextArb, fc.array(fc.tuple(fc.nat(), fc.nat(EDITS.length)), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [at, k] of edits) {
      const i = at % (t.length + 1);
      t = k === EDITS.length ? t.slice(0, i) + t.slice(i + 1) : t.slice(0, i) + (EDITS[k] as string) + t.slice(i);
    }
    return t;
  });
