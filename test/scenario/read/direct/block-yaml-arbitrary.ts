// Test helper: generated manifest-like block YAML for the direct reader — nested block maps and sequences (compact
// `- k: v`, `- - x`, sequences at their key's column), one-line flow collections, nasty scalars (YAML 1.1 booleans,
// hex, octal-looking, exponents, .inf, ~, times, IPs, quoted escapes), comments, trailing spaces, blank lines,
// extra spaces after `-` and `:`, `---` separators, CRLF — and a printing of the same values by the `yaml` library.
import fc from 'fast-check';
import { stringify } from 'yaml';

type Node = { t: 'plain' | 'quoted'; s: string } | { t: 'block'; head: string; lines: string[] } | { t: 'map'; e: [string, Node][] } | { t: 'seq'; e: Node[] } | { t: 'flow'; s: string } | { t: 'empty' };

const NASTY = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'true', 'True', 'TRUE', 'tRue', 'false', 'null', 'Null', 'NULL', 'nULL', '~', '0x1F', '0x', '0o17', '0o8',
  '017', '08', '-0', '+0', '1e3', '1E3', '1e', '-1.5e-3', '.5', '5.', '.', '.inf', '-.inf', '+.INF', '.NaN', '.nan', 'nan', 'inf', '12:30',
  '12:30:45', '2001-12-14t21:59:43.10-05:00', '1_000', '0b11', '10.0.0.1', '10.1.0.0/16', '1.10', '3.0', '100', '-100', '9007199254740993',
  '1e400', 'app', 'role', 'v1', 'a b', 'a#b', 'a -b', '-x', 'x-', 'a:b', 'http://x.y/z?q=1', 'a,b', 'a[0]', 'a{b}', 'a}', 'é', '日本',
  '😀', "it's", 'x"y', 'a\u00a0b', 'all()', "app == 'web'", '__proto__', 'a ', ' a',
];
/** Words the reader leaves to the `yaml` path when written plain (indicators, markers, a nested pair). */
const OUTSIDE = ['!has(x)', 'x: y', '- x', '#x', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x', '?x', ':x', '---', '...', '---x', '<<', '', 'x:'];
const KEYS = ['a', 'b', 'name', 'app', 'kind', 'apiVersion', 'metadata', 'labels', 'app.kubernetes.io/name', '1', '0x10', '1.0', '~', 'null', 'true', 'yes', 'x y', 'é', '-k', 'k-', 'a#b', 'i+1', 'tenant'];
const keyArb = fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom('<<', '? a', '&x a', '"d" ', "'s'", '"a\\tb"') });

const wordArb = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.constantFrom(...OUTSIDE) },
  // Number-like texts; a leading `:` (left to `yaml`) only now and then.
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789+-.eExXoO_:ainf tl'.split('')), minLength: 1, maxLength: 7 }).filter((w) => !w.startsWith(':')) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789:.'.split('')), minLength: 1, maxLength: 5 }) },
);

function quote(s: string, k: number): string {
  if (k % 3 === 0) return `'${s.replaceAll("'", "''")}'`;
  const body = JSON.stringify(s).slice(1, -1);
  return `"${[body, `${body}\\t`, `\\x41${body}`, `\\u00e9${body}`, `${body}\\/\\\\`, `\\U0001F600`, `\\e\\0\\_`][k % 7] ?? body}"`;
}

/** Block scalar bodies: words, more-indented lines, empty lines (inside, leading, trailing), comment look-alikes. */
const blockArb: fc.Arbitrary<Node> = fc
  .tuple(
    fc.oneof({ weight: 12, arbitrary: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+') }, { weight: 1, arbitrary: fc.constantFrom('|2', '| # c', '|-  ') }),
    fc.array(fc.constantFrom('line one', 'two', '  more', '    deeper', '', '# not a comment', 'x: y', '- z', 'é 😀', 'end  '), { minLength: 1, maxLength: 6 }),
  )
  .map(([head, lines]): Node => ({ t: 'block', head, lines }));

const scalarArb: fc.Arbitrary<Node> = fc.oneof(
  { weight: 1, arbitrary: blockArb },
  { weight: 5, arbitrary: wordArb.map((s): Node => ({ t: 'plain', s })) },
  { weight: 2, arbitrary: fc.tuple(wordArb, fc.nat(20)).map(([s, k]): Node => ({ t: 'quoted', s: quote(s, k) })) },
  { weight: 1, arbitrary: fc.constant<Node>({ t: 'empty' }) },
);

const flowScalarArb = fc.oneof(fc.constantFrom('a', '1', 'x y', '0x1F', 'true', '~', '"q"', "'s'", 'http://a:80', 'a:b', '-1', '.inf'), wordArb);
const flowArb: fc.Arbitrary<Node> = fc
  .tuple(fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), flowScalarArb, fc.nat(5)), { maxLength: 3, selector: ([k]) => k }), fc.nat(7))
  .map(([items, k]): Node => {
    if (items.length === 0) return { t: 'flow', s: k % 2 === 0 ? '{}' : '[]' };
    if (k % 4 === 0) return { t: 'flow', s: `[${items.map(([, v]) => v).join(k % 3 === 0 ? ' , ' : ', ')}]` };
    if (k === 5) return { t: 'flow', s: `{${items[0]?.[0] ?? 'i'}}` };
    if (k === 6) return { t: 'flow', s: `[{a: ${items[0]?.[1] ?? ''}}, [b, {}], []]` };
    const entries = items.map(([key, v, j]) => (j === 0 ? key : j === 1 ? `${key}:` : `${key}: ${v}`));
    return { t: 'flow', s: `{ ${entries.join(', ')} }` };
  });

const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalarArb },
    { weight: 1, arbitrary: flowArb },
    { weight: 2, arbitrary: fc.uniqueArray(fc.tuple(keyArb, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((e): Node => ({ t: 'map', e })) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((e): Node => ({ t: 'seq', e })) },
  ),
})).node;

const rootArb = fc.oneof(
  fc.uniqueArray(fc.tuple(keyArb, nodeArb), { minLength: 1, maxLength: 5, selector: ([k]) => k }).map((e): Node => ({ t: 'map', e })),
  fc.array(nodeArb, { minLength: 1, maxLength: 4 }).map((e): Node => ({ t: 'seq', e })),
);

class Picks {
  private i = 0;
  constructor(private readonly picks: readonly number[]) {}
  next(n: number): number {
    return ((this.picks[this.i++ % this.picks.length] as number) | 0) % n;
  }
}

function scalarText(v: Node): string {
  return v.t === 'plain' || v.t === 'quoted' || v.t === 'flow' ? v.s : '';
}

function tail(p: Picks): string {
  const k = p.next(8);
  return k === 0 ? ' # c: {x}' : k === 1 ? '   ' : k === 2 ? ' #' : '';
}

/** Lines of `v` after `head` (`key:`, `-`, or '' at the top) at column `col`. */
function lines(v: Node, col: number, head: string, p: Picks, out: string[]): void {
  const pad = ' '.repeat(col);
  const gap = ' '.repeat(1 + (p.next(6) === 0 ? 1 : 0));
  if (v.t === 'map' || v.t === 'seq') {
    if (head === '-' && p.next(2) === 0) {
      const inner: string[] = [];
      const at = col + 1 + gap.length;
      lines(v, at, '', p, inner);
      out.push(`${pad}-${gap}${(inner[0] ?? '').slice(at)}`, ...inner.slice(1));
      return;
    }
    if (head !== '') out.push(`${pad}${head}${tail(p)}`);
    if (p.next(6) === 0) out.push(p.next(2) === 0 ? '' : `${' '.repeat(p.next(8))}# between`);
    const inner = head === '' ? col : col + (v.t === 'seq' && head !== '-' && p.next(2) === 0 ? 0 : 1 + p.next(3));
    if (v.t === 'map') for (const [k, x] of v.e) lines(x, inner, `${k}:`, p, out);
    else for (const x of v.e) lines(x, inner, '-', p, out);
    return;
  }
  if (v.t === 'block') {
    out.push(`${pad}${head}${head === '' ? '' : ' '}${v.head}`);
    const inner = ' '.repeat(col + 1 + p.next(3));
    for (const l of v.lines) out.push(l === '' ? (p.next(30) === 0 ? ' ' : '') : `${inner}${l}`);
    return;
  }
  const text = scalarText(v);
  out.push(`${pad}${head}${text === '' ? (p.next(2) === 0 ? ' ' : '') : `${head === '' ? '' : gap}${text}`}${tail(p)}`);
}

/** One to three hand-made documents, `---`-separated, CRLF in some runs. */
export const blockYamlArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(rootArb, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 30 }), fc.boolean())
  .map(([docs, picks, crlf]) => {
    const p = new Picks(picks);
    const out: string[] = [];
    docs.forEach((d, i) => {
      if (i > 0 || p.next(3) === 0) out.push(['---', '--- # doc', '---  '][p.next(3)] as string);
      if (p.next(4) === 0) out.push('# head comment');
      lines(d, 0, '', p, out);
    });
    const text = out.join('\n') + (p.next(5) === 0 ? '' : '\n');
    return crlf && p.next(3) === 0 ? text.replaceAll('\n', '\r\n') : text;
  });

/** Plain values of a manifest-like document, printed by the `yaml` library (its own quoting and layout). */
export const yamlPrintedArb: fc.Arbitrary<string> = fc
  .array(
    fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(...NASTY, ...OUTSIDE),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.string({ maxLength: 6 }),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 3 }),
      ),
    })).v,
    { minLength: 1, maxLength: 3 },
  )
  .chain((values) => fc.tuple(fc.constant(values), fc.constantFrom(2, 4), fc.boolean()))
  .map(([values, indent, flow]) =>
    values.map((v) => stringify({ doc: v }, { indent, indentSeq: !flow, lineWidth: 0, collectionStyle: flow ? 'any' : 'block' })).join('---\n'),
  );

/** Documents made mostly of block scalars: under keys and dashes, at several indents, then more keys. */
export const blockScalarDocArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(blockArb, fc.nat(3), fc.boolean(), fc.nat(3)), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([parts, end]) => {
    const out: string[] = [];
    parts.forEach(([b, extra, inSeq, blanks], i) => {
      if (b.t !== 'block') return;
      const head = inSeq ? `k${i}:\n  -` : `k${i}:`;
      out.push(`${head} ${b.head}`);
      const pad = ' '.repeat((inSeq ? 3 : 1) + extra);
      for (const l of b.lines) out.push(l === '' ? '' : `${pad}${l}`);
      for (let j = 0; j < blanks; j++) out.push('');
    });
    return `${out.join('\n')}${end ? '\nlast: 1\n' : '\n'}`;
  });
